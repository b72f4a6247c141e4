using System.Text;
using Microsoft.Build.Framework;
using TwelveFactor.Sdk.Assessment;
using TwelveFactor.Sdk.Policy;
using TwelveFactor.Sdk.Reading;

namespace TwelveFactor.Sdk.Tasks;

/// <summary>
/// dotnet build -t:TwelveFactorAssess: prints the per-factor scorecard of a project and writes it as
/// Markdown beside the SARIF log. It reads the findings files the report reads, under the same policy and
/// baseline, and never fails the build for a finding: an assessment describes, the build enforces.
/// </summary>
public sealed class AssessTwelveFactors : PolicyTask
{
    [Required]
    public ITaskItem[] FindingsFiles { get; set; } = Array.Empty<ITaskItem>();

    [Required]
    public string ProjectFile { get; set; } = "";

    public string? BaselineFile { get; set; }

    /// <summary>The rule ids the project's checks cover: a factor without any is not checkable at build time.</summary>
    public ITaskItem[] AssessedRules { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>
    /// Rules whose checks could not run in this build: the code rules when the project did not compile, or with a
    /// Reason metadata that says why (the analyzer switched off). Without one, the reason is worked out here.
    /// </summary>
    public ITaskItem[] NotRunRules { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>obj/project.nuget.cache: whether restore succeeded, and NuGet's error codes when it did not.</summary>
    public string? RestoreCacheFile { get; set; }

    /// <summary>obj/project.assets.json: its absence means restore has not run.</summary>
    public string? ProjectAssetsFile { get; set; }

    /// <summary>Where the Markdown scorecard goes (obj/.../twelvefactor/TwelveFactor.assessment.md).</summary>
    [Required]
    public string MarkdownFile { get; set; } = "";

    protected override void ExecuteCore()
    {
        var projectDirectory = Path.GetDirectoryName(ProjectFile) ?? "";
        var findings = global::TwelveFactor.Sdk.Policy.FindingsFile.ReadFiles(FindingsFiles.Select(f => f.ItemSpec)).ToList();

        var baseline = BaselineReader.LoadOrReport(BaselineFile, findings);
        var report = FindingReport.Create(findings, projectDirectory, SeverityPolicy, baseline);
        var projectName = Path.GetFileNameWithoutExtension(ProjectFile);
        var notRun = NotRunRules.Select(r => r.ItemSpec).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var notRunReason = notRun.Count == 0 ? "" : WhyChecksDidNotRun();
        if (notRun.Count > 0)
        {
            Log.LogMessage(MessageImportance.High,
                "{0}: the checks of {1} could not run because {2}; the scorecard below is from the checks that ran.",
                projectName, string.Join(", ", notRun), notRunReason);
        }

        var card = Scorecard.Create(report, AssessedRules.Select(r => r.ItemSpec), notRun, notRunReason);
        var policy = PolicyLevel.ToString().ToLowerInvariant();
        foreach (var line in ScorecardText.ConsoleLines(card, projectName, policy))
        {
            Log.LogMessage(MessageImportance.High, line);
        }

        try
        {
            FileWriting.WriteIfChanged(MarkdownFile, Encoding.UTF8.GetBytes(ScorecardText.Markdown(card, projectName, policy, projectDirectory)));
            Log.LogMessage(MessageImportance.High, "  Written to {0}", MarkdownFile);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            LogDiagnostic(Catalog.RuleIds.ReportNotWritten, SourceLocation.WholeFile(ProjectFile), MarkdownFile, ex.Message);
        }
    }

    /// <summary>The reasons the rules carry; for those that carry none, <see cref="WhyCodeChecksDidNotRun"/>.</summary>
    private string WhyChecksDidNotRun()
    {
        var reasons = NotRunRules.Select(r => r.GetMetadata("Reason")).ToList();
        var stated = reasons.Where(r => r.Length > 0).Distinct(StringComparer.Ordinal);
        return string.Join("; ", reasons.Any(r => r.Length == 0) ? stated.Append(WhyCodeChecksDidNotRun()) : stated);
    }

    /// <summary>Restore failed (with NuGet's codes), has not run, or the project did not compile.</summary>
    private string WhyCodeChecksDidNotRun()
    {
        if (!string.IsNullOrEmpty(RestoreCacheFile) && RestoreOutcome.Read(RestoreCacheFile!) is { Succeeded: false } outcome)
        {
            return outcome.Description;
        }

        return !string.IsNullOrEmpty(ProjectAssetsFile) && !File.Exists(ProjectAssetsFile)
            ? "restore has not run (no " + Path.GetFileName(ProjectAssetsFile) + ")"
            : "the project did not compile";
    }
}
