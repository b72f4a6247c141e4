using Microsoft.Build.Framework;
using TwelveFactor.Sdk.Catalog;
using TwelveFactor.Sdk.Policy;

namespace TwelveFactor.Sdk.Tasks;

/// <summary>
/// Writes TwelveFactor.baseline.json with every current finding (those NoWarn silences excepted), so that
/// only new findings break the build from now on.
/// </summary>
public sealed class WriteTwelveFactorBaseline : PolicyTask
{
    [Required]
    public ITaskItem[] FindingsFiles { get; set; } = Array.Empty<ITaskItem>();

    [Required]
    public string ProjectFile { get; set; } = "";

    [Required]
    public string BaselineFile { get; set; } = "";

    protected override void ExecuteCore()
    {
        var findings = FindingsFiles.SelectMany(f => global::TwelveFactor.Sdk.Policy.FindingsFile.Read(f.ItemSpec)).ToList();
        var report = FindingReport.Create(findings, Path.GetDirectoryName(ProjectFile) ?? "", SeverityPolicy, Baseline.Empty);
        var entries = report.Findings
            .Where(f => f.Severity != RuleSeverity.None && f.Rule.Id != RuleIds.InternalError)
            .Select(f => new BaselineEntry(f.Rule.Id, f.Source.Fingerprint, f.Source.RelativeFile, f.Rule.FormatFound(f.Finding.Arguments.ToArray())))
            .ToList();
        try
        {
            new Baseline(entries).Save(BaselineFile);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            LogDiagnostic(RuleIds.BaselineNotWritten, SourceLocation.WholeFile(ProjectFile), BaselineFile, ex.Message);
            return;
        }

        Log.LogMessage(MessageImportance.High, "TwelveFactor: wrote {0} finding(s) to {1}", entries.Count, BaselineFile);
    }
}
