namespace TwelveFactor.Sdk.Analyzers;

/// <summary>
/// netstandard2.0 has no non-backtracking regular expressions, so every pattern the analyzer runs over source
/// text carries this timeout: a hostile literal cannot hold the compiler.
/// </summary>
internal static class AnalyzerRegex
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);
}
