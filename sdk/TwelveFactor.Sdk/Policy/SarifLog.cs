using System.Text.Json;
using TwelveFactor.Sdk.Catalog;

namespace TwelveFactor.Sdk.Policy;

/// <summary>
/// A SARIF 2.1.0 log of one project's findings, ready for code-scanning upload: every catalogue rule with its
/// help link, each finding with its location relative to the repository root, its fingerprint, its level and
/// its baseline state.
/// </summary>
public static class SarifLog
{
    public const string FingerprintName = "twelveFactor/v1";
    public const string SourceRootId = "SRCROOT";

    /// <param name="notification">
    /// What a reviewer must know about the run itself (every check switched off), written as a warning-level
    /// tool execution notification; null for none.
    /// </param>
    public static byte[] Create(FindingReport report, string sourceRoot, string toolVersion, string projectFile, string policy, string? notification = null)
    {
        var rules = RuleCatalog.All.ToList();
        var ruleIndex = rules.Select((r, i) => (r.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);

        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
            w.WriteString("version", "2.1.0");
            w.WriteStartArray("runs");
            w.WriteStartObject();

            w.WriteStartObject("tool");
            w.WriteStartObject("driver");
            w.WriteString("name", "TwelveFactor.Sdk");
            w.WriteString("version", toolVersion);
            w.WriteString("informationUri", "https://github.com/twelvefactor/TwelveFactor.Sdk");
            w.WriteStartArray("rules");
            foreach (var rule in rules)
            {
                WriteRule(w, rule);
            }

            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();

            w.WriteStartObject("originalUriBaseIds");
            w.WriteStartObject(SourceRootId);
            w.WriteString("uri", new Uri(Path.TrimEndingDirectorySeparator(sourceRoot) + Path.DirectorySeparatorChar).AbsoluteUri);
            w.WriteEndObject();
            w.WriteEndObject();

            w.WriteStartArray("results");
            foreach (var finding in report.Findings)
            {
                WriteResult(w, finding, ruleIndex, sourceRoot);
            }

            foreach (var stale in report.StaleEntries)
            {
                w.WriteStartObject();
                w.WriteString("ruleId", stale.RuleId);
                if (ruleIndex.TryGetValue(stale.RuleId, out var index))
                {
                    w.WriteNumber("ruleIndex", index);
                }

                w.WriteString("level", "none");
                w.WriteStartObject("message");
                w.WriteString("text", "Baselined finding no longer present: " + stale.Message);
                w.WriteEndObject();
                w.WriteStartObject("partialFingerprints");
                w.WriteString(FingerprintName, stale.Fingerprint);
                w.WriteEndObject();
                w.WriteString("baselineState", "absent");
                w.WriteEndObject();
            }

            w.WriteEndArray();

            if (notification is not null)
            {
                w.WriteStartArray("invocations");
                w.WriteStartObject();
                w.WriteBoolean("executionSuccessful", true);
                w.WriteStartArray("toolExecutionNotifications");
                w.WriteStartObject();
                w.WriteString("level", "warning");
                w.WriteStartObject("message");
                w.WriteString("text", notification);
                w.WriteEndObject();
                w.WriteEndObject();
                w.WriteEndArray();
                w.WriteEndObject();
                w.WriteEndArray();
            }

            w.WriteStartObject("properties");
            w.WriteString("project", PathDisplay.Relative(sourceRoot, projectFile));
            w.WriteString("policy", policy);
            w.WriteEndObject();

            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
        }

        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }

    private static void WriteRule(Utf8JsonWriter w, Rule rule)
    {
        w.WriteStartObject();
        w.WriteString("id", rule.Id);
        w.WriteString("name", string.Concat(rule.Title.Split(' ', '-', ',').Where(s => s.Length > 0).Select(s => char.ToUpperInvariant(s[0]) + s.Substring(1))));
        w.WriteStartObject("shortDescription");
        w.WriteString("text", rule.Title);
        w.WriteEndObject();
        w.WriteStartObject("fullDescription");
        w.WriteString("text", rule.Why);
        w.WriteEndObject();
        w.WriteStartObject("help");
        w.WriteString("text", rule.Fix);
        w.WriteEndObject();
        w.WriteString("helpUri", rule.HelpLink);
        w.WriteStartObject("defaultConfiguration");
        w.WriteString("level", Level(rule.DefaultSeverity));
        w.WriteEndObject();
        w.WriteStartObject("properties");
        w.WriteString("category", rule.IsEngineDiagnostic ? "Engine" : $"Factor {Factors.Roman(rule.Factor)}: {rule.FactorName}");
        w.WriteNumber("factor", rule.Factor);
        w.WriteStartArray("tags");
        w.WriteStringValue("twelve-factor");
        w.WriteStringValue(rule.IsEngineDiagnostic ? "engine" : "factor-" + rule.Factor.ToString("00", System.Globalization.CultureInfo.InvariantCulture));
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter w, ReportedFinding reported, IReadOnlyDictionary<string, int> ruleIndex, string sourceRoot)
    {
        var f = reported.Finding;
        w.WriteStartObject();
        w.WriteString("ruleId", reported.Rule.Id);
        w.WriteNumber("ruleIndex", ruleIndex[reported.Rule.Id]);
        w.WriteString("level", reported.BaselineState == BaselineState.Unchanged ? "note" : Level(reported.Severity));
        w.WriteStartObject("message");
        w.WriteString("text", reported.Message);
        w.WriteEndObject();
        if (!string.IsNullOrEmpty(f.File))
        {
            w.WriteStartArray("locations");
            w.WriteStartObject();
            w.WriteStartObject("physicalLocation");
            w.WriteStartObject("artifactLocation");
            w.WriteString("uri", Uri.EscapeDataString(PathDisplay.Relative(sourceRoot, f.File)).Replace("%2F", "/"));
            w.WriteString("uriBaseId", SourceRootId);
            w.WriteEndObject();
            if (f.Line > 0)
            {
                w.WriteStartObject("region");
                w.WriteNumber("startLine", f.Line);
                if (f.Column > 0)
                {
                    w.WriteNumber("startColumn", f.Column);
                }

                if (f.EndLine > 0)
                {
                    w.WriteNumber("endLine", f.EndLine);
                }

                if (f.EndColumn > 0)
                {
                    w.WriteNumber("endColumn", f.EndColumn);
                }

                w.WriteEndObject();
            }

            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndArray();
        }

        w.WriteStartObject("partialFingerprints");
        w.WriteString(FingerprintName, reported.Source.Fingerprint);
        w.WriteEndObject();
        w.WriteString("baselineState", reported.BaselineState == BaselineState.Unchanged ? "unchanged" : "new");
        if (reported.BaselineState == BaselineState.Unchanged || reported.Severity == RuleSeverity.None)
        {
            w.WriteStartArray("suppressions");
            w.WriteStartObject();
            w.WriteString("kind", "external");
            w.WriteString("justification", reported.BaselineState == BaselineState.Unchanged ? "In TwelveFactor.baseline.json" : "NoWarn");
            w.WriteEndObject();
            w.WriteEndArray();
        }

        w.WriteEndObject();
    }

    private static string Level(RuleSeverity severity) => severity switch
    {
        RuleSeverity.Error => "error",
        RuleSeverity.Warning => "warning",
        RuleSeverity.Suggestion => "note",
        _ => "none",
    };
}
