using System.Text.Json;

namespace TwelveFactor.Sdk.Testing;

public sealed record SarifResult(string RuleId, string Level, string Uri, int StartLine, int StartColumn, string BaselineState, string Fingerprint, string Message);

/// <summary>Reads the results of a SARIF 2.1.0 log.</summary>
public sealed class Sarif
{
    private Sarif(JsonDocument document, IReadOnlyList<SarifResult> results)
    {
        Document = document;
        Results = results;
    }

    public JsonDocument Document { get; }

    public IReadOnlyList<SarifResult> Results { get; }

    public static Sarif Load(string path)
    {
        var document = JsonDocument.Parse(File.ReadAllText(path));
        var results = new List<SarifResult>();
        foreach (var run in document.RootElement.GetProperty("runs").EnumerateArray())
        {
            foreach (var result in run.GetProperty("results").EnumerateArray())
            {
                string uri = "";
                int line = 0, column = 0;
                if (result.TryGetProperty("locations", out var locations) && locations.GetArrayLength() > 0)
                {
                    var physical = locations[0].GetProperty("physicalLocation");
                    uri = physical.GetProperty("artifactLocation").GetProperty("uri").GetString() ?? "";
                    if (physical.TryGetProperty("region", out var region))
                    {
                        line = region.TryGetProperty("startLine", out var l) ? l.GetInt32() : 0;
                        column = region.TryGetProperty("startColumn", out var c) ? c.GetInt32() : 0;
                    }
                }

                var fingerprint = result.TryGetProperty("partialFingerprints", out var fp) && fp.EnumerateObject().Any()
                    ? fp.EnumerateObject().First().Value.GetString() ?? ""
                    : "";
                results.Add(new SarifResult(
                    result.GetProperty("ruleId").GetString() ?? "",
                    result.TryGetProperty("level", out var level) ? level.GetString() ?? "" : "warning",
                    uri, line, column,
                    result.TryGetProperty("baselineState", out var state) ? state.GetString() ?? "" : "",
                    fingerprint,
                    result.GetProperty("message").GetProperty("text").GetString() ?? ""));
            }
        }

        return new Sarif(document, results);
    }
}
