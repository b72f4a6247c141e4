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
/// The names that say a value is a secret, in the places the SDK meets them: a config setting's key (read word
/// by word; a Dockerfile's ENV and ARG pairs are read as settings too, through <see cref="SecretScanner"/>) and a
/// key of a connection string or URL query (the analyzer, which links this file). One home for the vocabulary.
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
    [GeneratedRegex(WordsText, RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex WordsPattern();
#else
    // The analyzer (netstandard2.0) has no regex source generator.
    private static Regex WordsPattern() => new Regex(WordsText, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
#endif
}
