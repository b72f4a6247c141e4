using Microsoft.Build.Framework;
using TwelveFactor.Sdk.Catalog;
using TwelveFactor.Sdk.Knowledge;
using TwelveFactor.Sdk.Policy;
using TwelveFactor.Sdk.Reading;

namespace TwelveFactor.Sdk.Tasks;

/// <summary>
/// Reports every check's findings for one project: applies the baseline and the policy, logs errors, warnings
/// and baselined notes with codes and help links, reports stale baseline entries, and writes the SARIF log.
/// Runs whenever a findings file, the baseline or a setting changed, and on every build that had something
/// to report, so a no-op build still fails on the findings it had; a clean no-op build skips it.
/// </summary>
public sealed class ReportTwelveFactorFindings : PolicyTask
{
    /// <summary>Findings to log and report.</summary>
    public ITaskItem[] FindingsFiles { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>
    /// Findings the compiler has logged already (the analyzer's): they count for the SARIF log, the baseline
    /// and the stale-entry check, but are not logged again.
    /// </summary>
    public ITaskItem[] QuietFindingsFiles { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>True when there was nothing at all to report: no finding, no stale baseline entry.</summary>
    [Output]
    public bool IsClean { get; set; }

    [Required]
    public string ProjectFile { get; set; } = "";

    /// <summary>TwelveFactor.baseline.json beside the project, used when it exists.</summary>
    public string? BaselineFile { get; set; }

    /// <summary>SARIF logs to write: the one in obj/ and $(TwelveFactorSarifLog) when set.</summary>
    public ITaskItem[] SarifLogs { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>The repository root: SARIF locations are relative to it.</summary>
    public string? SourceRoot { get; set; }

    public string? ProcessType { get; set; }

    /// <summary>
    /// Which baseline entries this pass may call stale, for a report that holds only some of the findings:
    /// <c>all</c> (default); <c>build</c>, before the compile, for entries outside C# sources (the analyzer's are
    /// still to come); <c>code</c>, after the compile, for entries in C# sources; <c>none</c>, after publish
    /// (the publish-folder check alone).
    /// </summary>
    public string StaleEntries { get; set; } = "all";

    /// <summary>The process type the SDK saw when it chose the web, worker or console flavour.</summary>
    public string? ProcessTypeAtFlavourSelection { get; set; }

    protected override void ExecuteCore()
    {
        var projectDirectory = Path.GetDirectoryName(ProjectFile) ?? "";
        var findings = new List<Finding>();
        findings.AddRange(SettingsFindings());
        findings.AddRange(ReadAll(FindingsFiles));
        var quiet = new HashSet<Finding>(ReadAll(QuietFindingsFiles), ReferenceEqualityComparer.Instance);
        findings.AddRange(quiet);

        var baseline = BaselineReader.LoadOrReport(BaselineFile, findings);
        var report = FindingReport.Create(findings, projectDirectory, SeverityPolicy, baseline);
        report = StaleEntries.Trim().ToLowerInvariant() switch
        {
            "none" => report.WithStaleEntriesWhere(_ => false),
            "build" => report.WithStaleEntriesWhere(e => !IsCodeFile(e.File)),
            "code" => report.WithStaleEntriesWhere(e => IsCodeFile(e.File)),
            _ => report,
        };

        IsClean = report.Findings.Count == 0 && report.StaleEntries.Count == 0;
        foreach (var reported in report.Findings.Where(f => !quiet.Contains(f.Finding)))
        {
            FindingLogger.Log(Log, reported);
        }

        if (report.StaleEntries.Count > 0 && !string.IsNullOrEmpty(BaselineFile))
        {
            var list = string.Join(", ", report.StaleEntries.Take(5).Select(e => e.RuleId + " in " + (e.File.Length > 0 ? e.File : "the project")));
            if (report.StaleEntries.Count > 5)
            {
                list += ", ...";
            }

            LogDiagnostic(RuleIds.StaleBaseline, SourceLocation.WholeFile(BaselineFile!), report.StaleEntries.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), list);
        }

        WriteSarif(report);
    }

    private static bool IsCodeFile(string file) => file.EndsWith(".cs", StringComparison.OrdinalIgnoreCase);

    private static IEnumerable<Finding> ReadAll(IEnumerable<ITaskItem> files) => FindingsFile.ReadFiles(files.Select(f => f.ItemSpec));

    private IEnumerable<Finding> SettingsFindings()
    {
        if (!PolicyLevels.TryParse(Policy, out _))
        {
            yield return Finding.InProject(RuleIds.InvalidSetting, ProjectFile, "TwelveFactorPolicy", "TwelveFactorPolicy", Policy, PolicyLevels.AllowedValues);
        }

        var processType = (ProcessType ?? "").Trim();
        if (processType.Length > 0 && !ProcessTypes.IsKnown(processType))
        {
            yield return Finding.InProject(RuleIds.InvalidSetting, ProjectFile, "TwelveFactorProcessType", "TwelveFactorProcessType", processType, ProcessTypes.AllowedValues);
        }
        else if (!string.Equals(processType, (ProcessTypeAtFlavourSelection ?? "").Trim(), StringComparison.OrdinalIgnoreCase))
        {
            yield return Finding.InProject(RuleIds.ProcessTypeNotVisible, ProjectFile, "TwelveFactorProcessType", processType, (ProcessTypeAtFlavourSelection ?? "").Trim());
        }
    }

    private void WriteSarif(FindingReport report) => WriteSarifLogs(SarifLogs, report, ProjectFile, SourceRoot);
}
