using TwelveFactor.Sdk.Knowledge;

namespace TwelveFactor.Sdk.Analyzers.Rules;

/// <summary>
/// What a literal connection string or URL reveals: the address of the backing service it points at, and the
/// secret it carries (a password, key or token), never echoed and never hashed: only its kind is kept.
/// </summary>
internal sealed class ConnectionText
{
    private ConnectionText(string? address, string? secretKind, bool isUrl, string? scheme)
    {
        Address = address;
        SecretKind = secretKind;
        IsUrl = isUrl;
        Scheme = scheme;
    }

    public string? Address { get; }

    public string? SecretKind { get; }

    public bool IsUrl { get; }

    public string? Scheme { get; }

    public bool IsServiceUrl => IsUrl && Scheme is not null && BackingServices.IsServiceScheme(Scheme);

    /// <summary>Reads a URL or a key=value connection string; null when the text is neither.</summary>
    public static ConnectionText? Parse(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0 || Placeholders.IsReference(trimmed))
        {
            return null;
        }

        return trimmed.Contains("://") ? ParseUrl(trimmed) : ParsePairs(trimmed);
    }

    private static ConnectionText? ParseUrl(string text)
    {
        // The user info runs to the last '@' of the authority, as drivers read it (a password may hold '@'); the
        // rest is parsed without it, so that a password never becomes part of the host.
        var userInfo = "";
        if (ConnectionStringSyntax.TrySplitAuthority(text, out var authorityStart, out _, out var lastAt) && lastAt >= 0)
        {
            userInfo = Uri.UnescapeDataString(text.Substring(authorityStart, lastAt - authorityStart));
            text = text.Substring(0, authorityStart) + text.Substring(lastAt + 1);
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.IsFile || string.IsNullOrEmpty(uri.Host))
        {
            return null;
        }

        string? kind = null;
        var colon = userInfo.IndexOf(':');
        if (colon >= 0 && colon < userInfo.Length - 1 && !Placeholders.IsPlaceholder(userInfo.Substring(colon + 1)))
        {
            kind = "password";
        }

        foreach (var pair in uri.Query.TrimStart('?').Split('&'))
        {
            var equals = pair.IndexOf('=');
            if (kind is null && equals > 0 && SecretNames.OfConnectionKey(Uri.UnescapeDataString(pair.Substring(0, equals))) is { } queryKind &&
                equals < pair.Length - 1 && !Placeholders.IsPlaceholder(pair.Substring(equals + 1)))
            {
                kind = queryKind;
            }
        }

        var address = uri.IsDefaultPort ? uri.Host : uri.Host + ":" + uri.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new ConnectionText(address, kind, isUrl: true, uri.Scheme);
    }

    /// <summary>ADO.NET style (Server=db;Password=x) and StackExchange.Redis style (db:6379,password=x).</summary>
    private static ConnectionText? ParsePairs(string text)
    {
        var separator = text.Contains(";") ? ';' : ',';

        // Split as the driver splits it: a quoted password may hold the separator ("a;Server=b").
        var pairs = ConnectionStringSyntax.Pairs(text, separator);
        var bareHost = separator == ',' ? text.Split(',').Select(p => p.Trim()).FirstOrDefault(p => p.IndexOf('=') < 0 && LooksLikeHostAndPort(p)) : null;
        if (pairs.Count < (bareHost is null ? 2 : 1))
        {
            return null;
        }

        string? address = bareHost;
        string? kind = null;
        foreach (var pair in pairs)
        {
            var key = pair.Key;
            var value = pair.Value.Trim();
            if (value.Length == 0 || Placeholders.IsPlaceholder(value))
            {
                continue;
            }

            if (address is null && BackingServices.IsHostKey(key))
            {
                address = value;
            }
            else if (kind is null && SecretNames.OfConnectionKey(key.Replace(" ", "")) is { } secretKind)
            {
                kind = secretKind;
            }
        }

        return address is null && kind is null ? null : new ConnectionText(address, kind, isUrl: false, scheme: null);
    }

    /// <summary>True for a literal secret assigned to a password or key property: anything but blank or a placeholder.</summary>
    public static bool IsLiteralSecret(string value) => value.Trim().Length > 0 && !Placeholders.IsPlaceholder(value.Trim());

    private static bool LooksLikeHostAndPort(string text)
    {
        var colon = text.LastIndexOf(':');
        return colon > 0 && int.TryParse(text.Substring(colon + 1), out _) && text.IndexOf(' ') < 0;
    }
}
