using System.Text.RegularExpressions;

namespace TwelveFactor.Sdk.Config;

/// <summary>
/// Values that stand for a secret without being one (references to the environment, template markers, obvious
/// examples), and values that look random but identify rather than authenticate (GUIDs, hashes).
/// </summary>
public static partial class Placeholders
{
    /// <summary>${VAR}, $(VAR), $VAR, %VAR%, &lt;your-key&gt;, {{var}}, #{var}#, __VAR__, {0}, [secret], @Microsoft.KeyVault(...).</summary>
    private static readonly Regex Reference = ReferencePattern();

    private static readonly Regex ExampleWords = ExampleWordsPattern();

    private static readonly HashSet<string> ObviousValues = new(StringComparer.OrdinalIgnoreCase)
    {
        "password", "passwd", "pass", "pwd", "secret", "token", "key", "apikey", "api_key", "none", "null", "nil",
        "undefined", "string", "test", "empty", "default", "value", "true", "false", "unset", "n/a", "na", "tbd",
        "secretkey", "mysecret", "my-secret", "mypassword", "s3cr3t",
    };

    private static readonly Regex Guid = GuidPattern();

    /// <summary>
    /// True when the value stands for a secret rather than being one. The whole value must be the reference:
    /// unlike <see cref="Engine.ConfigPlaceholder"/>, which finds a token anywhere in a host name, a random
    /// secret may well contain "%ab%" or "&lt;x&gt;".
    /// </summary>
    public static bool IsPlaceholder(string value)
    {
        var text = value.Trim();
        if (text.Length == 0 || ObviousValues.Contains(text))
        {
            return true;
        }

        if (Reference.IsMatch(text) || ExampleWords.IsMatch(text))
        {
            return true;
        }

        // ********, xxxxxxxx, 00000000: one character repeated is a mask.
        return text.Length >= 3 && text.All(c => c == text[0]);
    }

    public static bool IsGuid(string value) => Guid.IsMatch(value.Trim());

    /// <summary>A hex digest (MD5, SHA-1, SHA-256, SHA-512): identifies content, authenticates nothing.</summary>
    public static bool IsHexDigest(string value)
    {
        var text = value.Trim();
        return text.Length is 32 or 40 or 64 or 128 && text.All(Uri.IsHexDigit);
    }

    [GeneratedRegex(@"^(?:\$\{[^}]*\}|\$\([^)]*\)|\$[A-Za-z_][A-Za-z0-9_]*|%[A-Za-z_][A-Za-z0-9_()]*%|<[^<>]*>|\{\{[^}]*\}\}|#\{[^}]*\}#?|__[A-Za-z0-9_]+__|\{[A-Za-z0-9_:.\-]*\}|\[[^\]]*\]|@Microsoft\.KeyVault\(.*\)|env:[A-Za-z_][A-Za-z0-9_]*|ENC\[.*\])$", RegexOptions.CultureInvariant)]
    private static partial Regex ReferencePattern();

    [GeneratedRegex(@"example|changeme|change[_\-. ]me|change[_\-. ]?this|placeholder|replace[_\-. ]?(?:me|this|with)|your[_\-. ]?(?:own[_\-. ]?)?(?:[a-z]+[_\-. ]?)?(?:key|secret|token|password|pass|pwd|here|value|id)|dummy|redacted|not[_\-. ]?set|notset|insert[_\-. ]|enter[_\-. ]|goes[_\-. ]here|todo|fixme|xxxx|\*\*\*|sample|fake", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ExampleWordsPattern();

    [GeneratedRegex(@"^\{?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\}?$", RegexOptions.CultureInvariant)]
    private static partial Regex GuidPattern();
}
