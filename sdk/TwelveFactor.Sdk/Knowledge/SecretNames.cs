using System.Text.RegularExpressions;

namespace TwelveFactor.Sdk.Knowledge;

/// <summary>What the name of a setting says about its value.</summary>
public enum SecretKeyKind
{
    None,
    Password,
    JwtSigningKey,
    AwsSecretAccessKey,
    Secret,
}

/// <summary>
/// The names that say a value is a secret, in the three places the SDK meets them: a config setting's key
/// (read word by word), an environment variable (Dockerfile ENV/ARG, an image's environment) and a key of a
/// connection string or URL query (the analyzer, which links this file). One home for the vocabulary.
/// </summary>
public static partial class SecretNames
{
    private const string WordsText = @"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|[0-9]+";

    private static readonly Regex Words = WordsPattern();

    private static readonly HashSet<string> PasswordWords = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "password", "passwd", "pwd", "passphrase", "pass",
    };

    private static readonly HashSet<string> SecretWords = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "secret", "token", "apikey", "credential", "credentials", "privatekey", "secretkey", "accesskey",
    };

    /// <summary>Words that make "...Key" a secret: ApiKey, AccessKey, SigningKey; not InstrumentationKey or PublicKey.</summary>
    private static readonly HashSet<string> SecretKeyQualifiers = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "api", "access", "secret", "private", "signing", "encryption", "master", "account", "shared", "subscription",
        "auth", "client", "app", "license", "webhook", "hmac", "session", "storage", "primary", "secondary",
    };

    /// <summary>Parts of an environment variable's name (upper case, '_' between words) and the kind of secret each says.</summary>
    private static readonly (string Fragment, string Kind)[] VariableFragments =
    {
        ("PASSWORD", "password"), ("PASSWD", "password"), ("_PWD", "password"),
        ("SECRET", "secret"), ("TOKEN", "token"), ("APIKEY", "API key"), ("API_KEY", "API key"),
        ("ACCESS_KEY", "access key"), ("PRIVATE_KEY", "private key"), ("CONNECTIONSTRING", "connection string"),
        ("CONNECTION_STRING", "connection string"), ("CREDENTIAL", "credential"),
    };

    /// <summary>Keys of a connection string or URL query that hold a secret, and the kind each holds.</summary>
    private static readonly Dictionary<string, string> ConnectionKeys = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["password"] = "password", ["pwd"] = "password", ["pass"] = "password",
        ["accountkey"] = "storage account key", ["sharedaccesskey"] = "shared access key",
        ["apikey"] = "API key", ["api_key"] = "API key", ["api-key"] = "API key", ["key"] = "key",
        ["accesskey"] = "access key", ["secret"] = "secret", ["clientsecret"] = "client secret",
        ["token"] = "token", ["access_token"] = "token", ["sig"] = "shared access signature",
    };

    /// <summary>
    /// Reads a setting's name the way a reviewer would: its last word decides ("DbPassword" is a password,
    /// "PasswordLength" is a length), so that metadata about a secret is not taken for the secret.
    /// </summary>
    public static SecretKeyKind OfSetting(string keyPath, string keyName)
    {
        if (keyName.Length == 0 || !MaySayItIsSecret(keyName))
        {
            return SecretKeyKind.None;
        }

        var words = Words.Matches(keyName).Cast<Match>().Select(m => m.Value.ToLowerInvariant()).ToList();
        if (words.Count == 0)
        {
            return SecretKeyKind.None;
        }

        var last = words[words.Count - 1];
        var previous = words.Count > 1 ? words[words.Count - 2] : "";
        var joined = string.Concat(words);
        if (joined.EndsWith("secretaccesskey", StringComparison.Ordinal) && joined.Contains("aws"))
        {
            return SecretKeyKind.AwsSecretAccessKey;
        }

        if (joined.EndsWith("secretaccesskey", StringComparison.Ordinal) && keyPath.IndexOf("aws", StringComparison.OrdinalIgnoreCase) >= 0)
        {
            return SecretKeyKind.AwsSecretAccessKey;
        }

        if (PasswordWords.Contains(last))
        {
            return SecretKeyKind.Password;
        }

        var isSecretKey = SecretWords.Contains(last) ||
                          (last == "key" && (SecretKeyQualifiers.Contains(previous) || words.Count == 1)) ||
                          SecretWords.Contains(previous + last);
        if (!isSecretKey)
        {
            return SecretKeyKind.None;
        }

        var inJwtSection = keyPath.IndexOf("jwt", StringComparison.OrdinalIgnoreCase) >= 0;
        if (previous == "signing" || joined.EndsWith("issuersigningkey", StringComparison.Ordinal) || (inJwtSection && last is "key" or "secret" or "secretkey"))
        {
            return SecretKeyKind.JwtSigningKey;
        }

        // A lone "Key" is a secret only inside a section that says so (Jwt:Key is handled above).
        if (words.Count == 1 && last == "key")
        {
            return SecretKeyKind.None;
        }

        return SecretKeyKind.Secret;
    }

    /// <summary>
    /// The kind of secret (password, token, ...) when an environment variable's name says secret (PASSWORD,
    /// TOKEN, API_KEY, ...) and its value is written in clear: not a reference to another variable, not a
    /// placeholder, not the path of a file that holds the secret (..._FILE, ..._PATH). Otherwise null.
    /// </summary>
    public static string? OfVariable(string name, string? value)
    {
        var upper = name.ToUpperInvariant().Replace("-", "_").Replace(".", "_").Replace("__", "_");
        var kind = VariableFragments.FirstOrDefault(f => upper.Contains(f.Fragment)).Kind;
        if (kind is null || upper.EndsWith("_FILE", StringComparison.Ordinal) || upper.EndsWith("_PATH", StringComparison.Ordinal))
        {
            return null;
        }

        var literal = (value ?? "").Trim();
        if (literal.Length == 0 || literal.StartsWith("$", StringComparison.Ordinal) || Placeholders.IsPlaceholder(literal))
        {
            return null;
        }

        return kind;
    }

    /// <summary>The kind of secret a connection-string or query key holds ("Password", "AccountKey", "sig"), or null.</summary>
    public static string? OfConnectionKey(string key) => ConnectionKeys.TryGetValue(key, out var kind) ? kind : null;

    /// <summary>Most keys name nothing secret: a cheap look for the words that could, before reading the name word by word.</summary>
    private static bool MaySayItIsSecret(string keyName) =>
        keyName.IndexOf("pass", StringComparison.OrdinalIgnoreCase) >= 0 ||
        keyName.IndexOf("pwd", StringComparison.OrdinalIgnoreCase) >= 0 ||
        keyName.IndexOf("secret", StringComparison.OrdinalIgnoreCase) >= 0 ||
        keyName.IndexOf("token", StringComparison.OrdinalIgnoreCase) >= 0 ||
        keyName.IndexOf("key", StringComparison.OrdinalIgnoreCase) >= 0 ||
        keyName.IndexOf("credential", StringComparison.OrdinalIgnoreCase) >= 0;

#if NET7_0_OR_GREATER
    [GeneratedRegex(WordsText, RegexOptions.CultureInvariant)]
    private static partial Regex WordsPattern();
#else
    // The analyzer (netstandard2.0) has no regex source generator.
    private static Regex WordsPattern() => new Regex(WordsText, RegexOptions.CultureInvariant);
#endif
}
