using System.Security.Cryptography;
using System.Text;
using TwelveFactor.Sdk.Knowledge;

namespace TwelveFactor.Sdk.Analyzers.Rules;

/// <summary>
/// What a literal connection string or URL reveals: the address of the backing service it points at, and the
/// secret it carries (a password, key or token), never echoed: only its kind and a hash for the fingerprint.
/// </summary>
internal sealed class ConnectionText
{
    private ConnectionText(string? address, string? secretKind, string? secretHash, bool isUrl, string? scheme)
    {
        Address = address;
        SecretKind = secretKind;
        SecretHash = secretHash;
        IsUrl = isUrl;
        Scheme = scheme;
    }

    public string? Address { get; }

    public string? SecretKind { get; }

    /// <summary>The first 16 hex digits of the secret's SHA-256: identifies it without revealing it.</summary>
    public string? SecretHash { get; }

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
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.IsFile || string.IsNullOrEmpty(uri.Host))
        {
            return null;
        }

        string? kind = null;
        string? secret = null;
        var userInfo = Uri.UnescapeDataString(uri.UserInfo);
        var colon = userInfo.IndexOf(':');
        if (colon >= 0 && colon < userInfo.Length - 1 && !Placeholders.IsPlaceholder(userInfo.Substring(colon + 1)))
        {
            kind = "password";
            secret = userInfo.Substring(colon + 1);
        }

        foreach (var pair in uri.Query.TrimStart('?').Split('&'))
        {
            var equals = pair.IndexOf('=');
            if (kind is null && equals > 0 && SecretNames.OfConnectionKey(Uri.UnescapeDataString(pair.Substring(0, equals))) is { } queryKind &&
                equals < pair.Length - 1 && !Placeholders.IsPlaceholder(pair.Substring(equals + 1)))
            {
                kind = queryKind;
                secret = pair.Substring(equals + 1);
            }
        }

        var address = uri.IsDefaultPort ? uri.Host : uri.Host + ":" + uri.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new ConnectionText(address, kind, secret is null ? null : Hash(secret), isUrl: true, uri.Scheme);
    }

    /// <summary>ADO.NET style (Server=db;Password=x) and StackExchange.Redis style (db:6379,password=x).</summary>
    private static ConnectionText? ParsePairs(string text)
    {
        var separator = text.Contains(";") ? ';' : ',';
        var parts = text.Split(separator).Select(p => p.Trim()).Where(p => p.Length > 0).ToList();
        var pairs = parts.Where(p => p.IndexOf('=') > 0).ToList();
        var bareHost = separator == ',' ? parts.FirstOrDefault(p => p.IndexOf('=') < 0 && LooksLikeHostAndPort(p)) : null;
        if (pairs.Count < (bareHost is null ? 2 : 1))
        {
            return null;
        }

        string? address = bareHost;
        string? kind = null;
        string? secret = null;
        foreach (var pair in pairs)
        {
            var equals = pair.IndexOf('=');
            var key = pair.Substring(0, equals).Trim();
            var value = pair.Substring(equals + 1).Trim().Trim('\'', '"');
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
                secret = value;
            }
        }

        return address is null && kind is null ? null : new ConnectionText(address, kind, secret is null ? null : Hash(secret), isUrl: false, scheme: null);
    }

    /// <summary>The hash of a value assigned to a password or key property; null for a placeholder.</summary>
    public static string? HashOfLiteralSecret(string value) =>
        value.Trim().Length == 0 || Placeholders.IsPlaceholder(value.Trim()) ? null : Hash(value);

    private static bool LooksLikeHostAndPort(string text)
    {
        var colon = text.LastIndexOf(':');
        return colon > 0 && int.TryParse(text.Substring(colon + 1), out _) && text.IndexOf(' ') < 0;
    }

    private static string Hash(string secret)
    {
        using var sha = SHA256.Create();
        var hash = sha.ComputeHash(Encoding.UTF8.GetBytes(secret));
        return string.Concat(hash.Take(8).Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));
    }
}
