using System.Text.Json;
using TwelveFactor.Sdk.Catalog;

namespace TwelveFactor.Sdk.Policy;

/// <summary>
/// Reads the analyzer's findings back from the compiler's SARIF 2.1 error log (the ErrorLog the SDK sets for
/// the compile): each TFxxxx result with its location, and the fingerprint key and message arguments the analyzer
/// put in its diagnostic's properties. Results the baseline suppressor suppressed are findings too: the report
/// decides their baseline state by fingerprint, exactly as for the build-time findings.
/// </summary>
public static class CompilerLog
{
    /// <summary>The ErrorLog property's path: "path,version=2.1" → path.</summary>
    public static string PathOf(string errorLogProperty)
    {
        var comma = errorLogProperty.IndexOf(',');
        return (comma < 0 ? errorLogProperty : errorLogProperty.Substring(0, comma)).Trim();
    }

    /// <summary>The catalogue findings in a SARIF log; throws JsonException or FormatException for a log it cannot read.</summary>
    public static IReadOnlyList<Finding> Read(byte[] sarif)
    {
        using var document = JsonDocument.Parse(sarif);
        var findings = new List<Finding>();
        if (!document.RootElement.TryGetProperty("runs", out var runs) || runs.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException("not a SARIF 2.1 log (no 'runs'); set ErrorLog to 'path,version=2.1'");
        }

        foreach (var run in runs.EnumerateArray())
        {
            if (!run.TryGetProperty("results", out var results))
            {
                continue;
            }

            foreach (var result in results.EnumerateArray())
            {
                var ruleId = Text(result, "ruleId");
                if (!RuleCatalog.TryGet(ruleId, out var rule) || rule.IsEngineDiagnostic)
                {
                    continue;
                }

                findings.Add(ToFinding(ruleId, result));
            }
        }

        return findings;
    }

    private static Finding ToFinding(string ruleId, JsonElement result)
    {
        string file = "";
        int line = 0, column = 0, endLine = 0, endColumn = 0;
        if (result.TryGetProperty("locations", out var locations) && locations.ValueKind == JsonValueKind.Array && locations.GetArrayLength() > 0 &&
            locations[0].TryGetProperty("physicalLocation", out var physical))
        {
            if (physical.TryGetProperty("artifactLocation", out var artifact) && Uri.TryCreate(Text(artifact, "uri"), UriKind.Absolute, out var uri) && uri.IsFile)
            {
                file = uri.LocalPath;
            }

            if (physical.TryGetProperty("region", out var region))
            {
                line = Number(region, "startLine");
                column = Number(region, "startColumn");
                endLine = Number(region, "endLine");
                endColumn = Number(region, "endColumn");
            }
        }

        var key = "";
        string[] arguments = Array.Empty<string>();
        if (result.TryGetProperty("properties", out var properties) && properties.TryGetProperty("customProperties", out var custom))
        {
            key = Text(custom, AnalyzerProperties.Key);
            arguments = Text(custom, AnalyzerProperties.Arguments).Split(AnalyzerProperties.ArgumentSeparator);
        }

        return new Finding(ruleId, file, line, column, arguments, key) { EndLine = endLine, EndColumn = endColumn };
    }

    private static string Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() ?? "" : "";

    private static int Number(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt32() : 0;
}
