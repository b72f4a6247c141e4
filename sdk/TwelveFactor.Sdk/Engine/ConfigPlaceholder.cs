using System.Text.RegularExpressions;

namespace TwelveFactor.Sdk.Engine;

/// <summary>
/// Recognises values in config files that stand for a value supplied later (by the environment, a deploy
/// tool's token replacement, or a person following instructions) rather than being one: such values are
/// never findings.
/// </summary>
public static class ConfigPlaceholder
{
    // ${VAR}, $(VAR), %VAR%, {{VAR}}, #{VAR}#, __VAR__, <your-server>, [SERVER]
    private static readonly Regex Token = new(
        @"\$\{[^}]*\}|\$\([^)]*\)|%[A-Za-z_][A-Za-z0-9_]*%|\{\{[^}]*\}\}|#\{[^}]*\}|__[A-Za-z0-9_]+__|<[^<>]+>|\[[A-Z_][A-Z0-9_]*\]",
        RegexOptions.CultureInvariant);

    // Words that only appear in values a person is meant to replace.
    private static readonly Regex Word = new(
        @"(^|[^a-z])(your|my)[-_ ]?(server|host|database|db|account|password|user|name|address|domain|endpoint)|placeholder|changeme|change[-_ ]me|replace[-_ ]?me|to[-_ ]?be[-_ ]?replaced|^todo$|^tbd$|^x{3,}$|^\*{3,}$",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    /// <summary>RFC 2606 / 6761 names reserved for documentation and testing.</summary>
    private static readonly string[] ReservedDomains = { "example.com", "example.org", "example.net" };

    private static readonly string[] ReservedSuffixes = { ".example", ".invalid", ".test" };

    public static bool IsPlaceholder(string? value)
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
}
