using Microsoft.Build.Framework;
using TwelveFactor.Sdk.Engine;
using TwelveFactor.Sdk.Rules;

namespace TwelveFactor.Sdk.Tasks;

/// <summary>
/// Reports every check's findings for one project: applies the baseline and the policy, logs errors, warnings
/// and baselined notes with codes and help links, reports stale baseline entries, and writes the SARIF log.
/// Runs on every build (it only reads small files), so a no-op build still fails on the findings it had.
/// </summary>
public sealed class ReportTwelveFactorFindings : PolicyTask
{
    [Required]
    public ITaskItem[] FindingsFiles { get; set; } = Array.Empty<ITaskItem>();

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
    /// False for the pass after the compile: the findings were logged before it (build-time checks) or by the
    /// compiler (the analyzer); that pass only completes the SARIF log and the stale-baseline check.
    /// </summary>
    public bool LogFindings { get; set; } = true;

    /// <summary>
    /// False for a report of some of the findings only: before the compile (the analyzer's are still to come)
    /// or after publish (the publish-folder check alone). Baseline entries for the findings this report does
    /// not hold are not stale.
    /// </summary>
    public bool ReportStaleEntries { get; set; } = true;

    /// <summary>The process type the SDK saw when it chose the web, worker or console flavour.</summary>
    public string? ProcessTypeAtFlavourSelection { get; set; }

    protected override void ExecuteCore()
    {
        var projectDirectory = Path.GetDirectoryName(ProjectFile) ?? "";
        var findings = new List<Finding>();
        findings.AddRange(SettingsFindings());
        foreach (var file in FindingsFiles)
        {
            try
            {
                findings.AddRange(Engine.FindingsFile.Read(file.ItemSpec));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Text.Json.JsonException)
            {
                findings.Add(Finding.At(RuleIds.UnreadableFile, SourceLocation.WholeFile(file.ItemSpec), file.ItemSpec, file.ItemSpec + ": " + ex.Message + " (rebuild to refresh it)"));
            }
        }

        var baseline = Baseline.LoadOrReport(BaselineFile, findings);
        var report = FindingReport.Create(findings, projectDirectory, SeverityPolicy, baseline);
        if (!ReportStaleEntries)
        {
            report = report.WithoutStaleEntries();
        }

        foreach (var reported in report.Findings.Where(_ => LogFindings))
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

    private IEnumerable<Finding> SettingsFindings()
    {
        if (!PolicyLevels.TryParse(Policy, out _))
        {
            yield return Finding.InProject(RuleIds.InvalidSetting, ProjectFile, "TwelveFactorPolicy", "TwelveFactorPolicy", Policy ?? "", PolicyLevels.AllowedValues);
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

    private void WriteSarif(FindingReport report)
    {
        if (SarifLogs.Length == 0)
        {
            return;
        }

        var projectDirectory = Path.GetDirectoryName(ProjectFile) ?? "";
        var sourceRoot = string.IsNullOrEmpty(SourceRoot)
            ? RepositoryRoot.Find(projectDirectory) ?? projectDirectory
            : SourceRoot!;
        var content = SarifLog.Create(report, sourceRoot, ToolInfo.Version, ProjectFile, PolicyLevel.ToString().ToLowerInvariant());
        foreach (var log in SarifLogs)
        {
            try
            {
                FileWriting.WriteIfChanged(Path.GetFullPath(log.ItemSpec), content);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                LogDiagnostic(RuleIds.ReportNotWritten, SourceLocation.WholeFile(ProjectFile), log.ItemSpec, ex.Message);
            }
        }
    }
}
