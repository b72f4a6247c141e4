using Microsoft.Build.Framework;
using TwelveFactor.Sdk.Policy;

namespace TwelveFactor.Sdk.Tasks;

/// <summary>
/// A CI build with TwelveFactorEnabled=false checks nothing; this makes that visible in review rather than
/// leave no trace: a line in the build output and a SARIF log with no results but a notification saying so.
/// </summary>
public sealed class ReportTwelveFactorDisabled : TwelveFactorTask
{
    public const string Notice =
        "TwelveFactor.Sdk checked nothing: TwelveFactorEnabled is false in this CI build, so no twelve-factor rule ran and no finding could break it.";

    [Required]
    public string ProjectFile { get; set; } = "";

    public ITaskItem[] SarifLogs { get; set; } = Array.Empty<ITaskItem>();

    public string? SourceRoot { get; set; }

    protected override void ExecuteCore()
    {
        // A message, not a warning: under TreatWarningsAsErrors a warning would break the build it only describes.
        Log.LogMessage(MessageImportance.High, "TwelveFactor: " + Notice);
        var content = SarifLog.Create(FindingReport.Nothing, RepositoryOrProjectFolder(SourceRoot, ProjectFile), ToolInfo.Version, ProjectFile, "off", Notice);
        WriteSarifLogs(SarifLogs, content, ProjectFile);
    }
}
