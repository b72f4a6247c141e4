namespace TwelveFactor.Sdk.Policy;

/// <summary>
/// The properties the analyzer puts on each diagnostic, which the compiler writes to its SARIF log and
/// <see cref="CompilerLog"/> reads back. Shared as source with the analyzer.
/// </summary>
public static class AnalyzerProperties
{
    /// <summary>The finding's fingerprint key (see <see cref="Fingerprint"/>).</summary>
    public const string Key = "TwelveFactorKey";

    /// <summary>The message arguments, separated by <see cref="ArgumentSeparator"/>.</summary>
    public const string Arguments = "TwelveFactorArguments";

    public const char ArgumentSeparator = '\u001f';
}
