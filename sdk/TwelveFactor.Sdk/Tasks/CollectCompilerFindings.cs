using Microsoft.Build.Framework;
using TwelveFactor.Sdk.Policy;

namespace TwelveFactor.Sdk.Tasks;

/// <summary>
/// Turns the analyzer's results in the compiler's SARIF log into a findings file, so that the report (SARIF,
/// stale baseline entries) and the baseline writer see them beside the build-time findings.
/// </summary>
public sealed class CollectCompilerFindings : PolicyCheckTask
{
    /// <summary>The compiler's ErrorLog ("path" or "path,version=2.1").</summary>
    public string? ErrorLog { get; set; }

    protected override IEnumerable<Finding> Check()
    {
        var path = CompilerLog.PathOf(ErrorLog ?? "");
        if (path.Length == 0 || !File.Exists(path))
        {
            // No compile has run yet (or it stopped before writing its log): nothing to collect.
            return Array.Empty<Finding>();
        }

        try
        {
            return CompilerLog.Read(File.ReadAllBytes(path));
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or FormatException or InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            return new[] { Finding.UnreadableFile(path, ex, "ErrorLog") };
        }
    }
}
