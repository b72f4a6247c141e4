using System.Text.RegularExpressions;

namespace TwelveFactor.Sdk.Knowledge;

/// <summary>
/// Values that stand for a value supplied later (by the environment, a deploy tool's token replacement, or a
/// person following instructions) rather than being one, and values that look random but identify rather than
/// authenticate (GUIDs, hashes). The one list of them for the build rules and the analyzer (which links this file).
/// </summary>
public static partial class Placeholders
{
#if NET7_0_OR_GREATER
    private const RegexOptions Linear = RegexOptions.NonBacktracking;
#else
    // The analyzer (netstandard2.0) has no non-backtracking engine: its patterns are bounded by a timeout instead.
    private const RegexOptions Linear = RegexOptions.None;
#endif

    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    private const string ReferenceText =
        @"^(?:\$\{\{[^}]*\}\}|\$\{[^}]*\}|\$\([^)]*\)|\$[A-Za-z_][A-Za-z0-9_]*|%[A-Za-z_][A-Za-z0-9_()]*%|<[^<>]*>|\{\{[^}]*\}\}|#\{[^}]*\}#?|__[A-Za-z0-9_]+__|\{[A-Za-z0-9_:.\-]*\}|\[[^\]]*\]|@Microsoft\.KeyVault\(.*\)|env:[A-Za-z_][A-Za-z0-9_]*|ENC\[.*\])$";

    private const string ExampleWordsText =
        @"example|changeme|change[_\-. ]me|change[_\-. ]?this|placeholder|replace[_\-. ]?(?:me|this|with)|your[_\-. ]?(?:own[_\-. ]?)?(?:[a-z]+[_\-. ]?)?(?:key|secret|token|password|pass|pwd|here|value|id)|dummy|redacted|not[_\-. ]?set|notset|insert[_\-. ]|enter[_\-. ]|goes[_\-. ]here|todo|fixme|xxxx|\*\*\*|sample|fake";

    private const string PhraseShapeText = @"^<?[A-Za-z][A-Za-z _.\-]{0,63}>?$";

    private const string MaskText = @"^[xX*#]{3,}(?:[\-_ .][xX*#]{3,})*$";

    /// <summary>${{ secrets.X }} (GitHub Actions), ${VAR}, $(VAR), $VAR, %VAR%, &lt;your-key&gt;, {{var}}, #{var}#, __VAR__, {0}, [secret], @Microsoft.KeyVault(...).</summary>
    private static readonly Regex Reference = ReferencePattern();

    private static readonly Regex ExampleWords = ExampleWordsPattern();

    /// <summary>
    /// The shape of an example phrase: words and separators only, short. "your-api-key-here" has it;
    /// "MySampleApp!2024" and a live key that happens to contain "fake" do not, whatever words they contain.
    /// </summary>
    private static readonly Regex PhraseShape = PhraseShapePattern();

    /// <summary>xxxx-xxxx, ***-***: a mask written in groups.</summary>
    private static readonly Regex Mask = MaskPattern();

    private static readonly HashSet<string> ObviousValues = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "password", "passwd", "pass", "pwd", "secret", "token", "key", "apikey", "api_key", "none", "null", "nil",
        "undefined", "string", "test", "empty", "default", "value", "true", "false", "unset", "n/a", "na", "tbd",
        "secretkey", "mysecret", "my-secret", "mypassword", "s3cr3t",

        // The credentials vendors' documentation uses as examples, whole.
        "AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
    };

    // ${VAR}, $(VAR), %VAR%, {{VAR}}, #{VAR}#, __VAR__, <your-server>, [SERVER] anywhere in the value.
    private static readonly Regex Token = new Regex(
        @"\$\{[^}]*\}|\$\([^)]*\)|%[A-Za-z_][A-Za-z0-9_]*%|\{\{[^}]*\}\}|#\{[^}]*\}|__[A-Za-z0-9_]+__|<[^<>]+>|\[[A-Z_][A-Z0-9_]*\]",
        RegexOptions.CultureInvariant | Linear, MatchTimeout);

    // Words that only appear in values a person is meant to replace.
    private static readonly Regex Word = new Regex(
        @"(^|[^a-z])(your|my)[-_ ]?(server|host|database|db|account|password|user|name|address|domain|endpoint)|^your[-_ ]?[a-z]|placeholder|changeme|change[-_ ]me|replace[-_ ]?me|to[-_ ]?be[-_ ]?replaced|^todo$|^tbd$|^x{3,}$|^\*{3,}$",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | Linear, MatchTimeout);

    /// <summary>RFC 2606 / 6761 names reserved for documentation and testing.</summary>
    private static readonly string[] ReservedDomains = { "example.com", "example.org", "example.net" };

    private static readonly string[] ReservedSuffixes = { ".example", ".invalid", ".test" };

    /// <summary>
    /// True when the whole value stands for a secret rather than being one. Unlike <see cref="ContainsPlaceholder"/>,
    /// which finds a token anywhere in a host name, a random secret may well contain "%ab%" or "&lt;x&gt;".
    /// </summary>
    public static bool IsPlaceholder(string value)
    {
        var text = value.Trim();
        if (text.Length == 0 || ObviousValues.Contains(text))
        {
            return true;
        }

        if (Reference.IsMatch(text) || Mask.IsMatch(text) || (PhraseShape.IsMatch(text) && ExampleWords.IsMatch(text)))
        {
            return true;
        }

        // ********, xxxxxxxx, 00000000: one character repeated is a mask.
        return text.Length >= 3 && text.All(c => c == text[0]);
    }

    /// <summary>True when the whole value is a reference to a value kept elsewhere: ${VAR}, {name}, &lt;name&gt;, %VAR%.</summary>
    public static bool IsReference(string value) => Reference.IsMatch(value.Trim());

    /// <summary>
    /// True when a setting's value (an address, a URL) is empty or carries a token or words meant to be replaced
    /// anywhere in it: "Host=${DB_HOST}", "https://&lt;your-server&gt;:443".
    /// </summary>
    public static bool ContainsPlaceholder(string? value)
    {
        var text = (value ?? "").Trim();
        return text.Length == 0 || Token.IsMatch(text) || Word.IsMatch(text);
    }

    /// <summary>True for host names reserved for documentation (example.com, *.example, *.invalid, *.test).</summary>
    public static bool IsReservedHost(string host)
    {
        var name = host.Trim().TrimEnd('.').ToLowerInvariant();
        return ReservedDomains.Any(d => name == d || name.EndsWith("." + d, StringComparison.Ordinal))
            || ReservedSuffixes.Any(s => name.EndsWith(s, StringComparison.Ordinal))
            || name is "example" or "invalid" or "test";
    }

    /// <summary>A hex digest (MD5, SHA-1, SHA-256, SHA-512): identifies content, authenticates nothing.</summary>
    public static bool IsHexDigest(string value)
    {
        var text = value.Trim();
        return text.Length is 32 or 40 or 64 or 128 && text.All(Uri.IsHexDigit);
    }

#if NET7_0_OR_GREATER
    [GeneratedRegex(ReferenceText, RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex ReferencePattern();

    [GeneratedRegex(ExampleWordsText, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex ExampleWordsPattern();

    [GeneratedRegex(PhraseShapeText, RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex PhraseShapePattern();

    [GeneratedRegex(MaskText, RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex MaskPattern();
#else
    // The analyzer (netstandard2.0) has no regex source generator.
    private static Regex ReferencePattern() => new Regex(ReferenceText, RegexOptions.CultureInvariant, MatchTimeout);

    private static Regex ExampleWordsPattern() => new Regex(ExampleWordsText, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, MatchTimeout);

    private static Regex PhraseShapePattern() => new Regex(PhraseShapeText, RegexOptions.CultureInvariant, MatchTimeout);

    private static Regex MaskPattern() => new Regex(MaskText, RegexOptions.CultureInvariant, MatchTimeout);
#endif
}
