using System.Security.Cryptography;
using System.Text;

namespace TwelveFactor.Sdk.Analyzers.Rules;

/// <summary>
/// What a literal connection string or URL reveals: the address of the backing service it points at, and the
/// secret it carries (a password, key or token), never echoed: only its kind and a hash for the fingerprint.
/// </summary>
internal sealed class ConnectionText
{
    private static readonly Dictionary<string, string> SecretKeys = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["password"] = "password", ["pwd"] = "password", ["pass"] = "password",
        ["accountkey"] = "storage account key", ["sharedaccesskey"] = "shared access key",
        ["apikey"] = "API key", ["api_key"] = "API key", ["api-key"] = "API key", ["key"] = "key",
        ["accesskey"] = "access key", ["secret"] = "secret", ["clientsecret"] = "client secret",
        ["token"] = "token", ["access_token"] = "token", ["sig"] = "shared access signature",
    };

    private static readonly HashSet<string> AddressKeys = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "server", "host", "data source", "datasource", "address", "addr", "network address", "endpoint",
        "hostname", "contact points", "bootstrap.servers",
    };

    /// <summary>URL schemes of backing services: a literal URL with one of these is an attached resource's address.</summary>
    private static readonly HashSet<string> ServiceSchemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "postgres", "postgresql", "mysql", "mongodb", "mongodb+srv", "redis", "rediss", "amqp", "amqps", "sqlserver",
        "nats", "kafka", "sb", "mssql", "cassandra", "elasticsearch", "memcached", "ldap", "ldaps", "ftp", "sftp", "smtp",
    };

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

    public bool IsServiceUrl => IsUrl && Scheme is not null && ServiceSchemes.Contains(Scheme);

    /// <summary>Reads a URL or a key=value connection string; null when the text is neither.</summary>
    public static ConnectionText? Parse(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0 || IsPlaceholder(trimmed))
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
        if (colon >= 0 && colon < userInfo.Length - 1 && !IsPlaceholder(userInfo.Substring(colon + 1)))
        {
            kind = "password";
            secret = userInfo.Substring(colon + 1);
        }

        foreach (var pair in uri.Query.TrimStart('?').Split('&'))
        {
            var equals = pair.IndexOf('=');
            if (kind is null && equals > 0 && SecretKeys.TryGetValue(Uri.UnescapeDataString(pair.Substring(0, equals)), out var queryKind) &&
                equals < pair.Length - 1 && !IsPlaceholder(pair.Substring(equals + 1)))
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
            if (value.Length == 0 || IsPlaceholder(value))
            {
                continue;
            }

            if (address is null && AddressKeys.Contains(key))
            {
                address = value;
            }
            else if (kind is null && SecretKeys.TryGetValue(key.Replace(" ", ""), out var secretKind))
            {
                kind = secretKind;
                secret = value;
            }
        }

        return address is null && kind is null ? null : new ConnectionText(address, kind, secret is null ? null : Hash(secret), isUrl: false, scheme: null);
    }

    /// <summary>The hash of a value assigned to a password or key property; null for a placeholder.</summary>
    public static string? HashOfLiteralSecret(string value) =>
        value.Trim().Length == 0 || IsPlaceholder(value.Trim()) ? null : Hash(value);

    private static bool LooksLikeHostAndPort(string text)
    {
        var colon = text.LastIndexOf(':');
        return colon > 0 && int.TryParse(text.Substring(colon + 1), out _) && text.IndexOf(' ') < 0;
    }

    /// <summary>Values that stand for config filled in later: ${DB_PASSWORD}, {password}, &lt;password&gt;, %PASSWORD%.</summary>
    private static bool IsPlaceholder(string value) =>
        value.StartsWith("$", StringComparison.Ordinal) || value.StartsWith("{", StringComparison.Ordinal) ||
        value.StartsWith("<", StringComparison.Ordinal) || value.StartsWith("%", StringComparison.Ordinal) ||
        value.Trim('*', 'x', 'X').Length == 0;

    private static string Hash(string secret)
    {
        using var sha = SHA256.Create();
        var hash = sha.ComputeHash(Encoding.UTF8.GetBytes(secret));
        return string.Concat(hash.Take(8).Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));
    }
}
