using Microsoft.Build.Framework;
using TwelveFactor.Sdk.Catalog;
using TwelveFactor.Sdk.Policy;
using TwelveFactor.Sdk.Reading;

namespace TwelveFactor.Sdk.Tasks;

/// <summary>
/// TF0201 at restore time, before NuGet writes anything: in CI a missing packages.lock.json fails the restore
/// (NuGet's locked mode would silently create one); outside CI the build says the new lock file is to be committed.
/// A lock file that does not parse is named here too, before NuGet overwrites it.
/// </summary>
public sealed class CheckLockFileBeforeRestore : PolicyTask
{
    [Required]
    public string ProjectFile { get; set; } = "";

    [Required]
    public string LockFilePath { get; set; } = "";

    public bool IsContinuousIntegration { get; set; }

    /// <summary>SARIF logs to write when restore is stopped here (the one in obj/ and $(TwelveFactorSarifLog)).</summary>
    public ITaskItem[] SarifLogs { get; set; } = Array.Empty<ITaskItem>();

    public string? SourceRoot { get; set; }

    public string? BaselineFile { get; set; }

    /// <summary>Written when the lock file is valid, so that the next restore skips reading it until it changes.</summary>
    public string? ValidLockFileStamp { get; set; }

    /// <summary>obj/project.nuget.cache: where NuGet records whether the restore succeeded.</summary>
    public string? RestoreCacheFile { get; set; }

    protected override void ExecuteCore()
    {
        if (File.Exists(LockFilePath))
        {
            var problem = Dependencies.LockFileRule.LockFileProblem(LockFilePath, out var line, out var column);
            if (problem is not null)
            {
                LogDiagnostic(RuleIds.MalformedFile, new SourceLocation(LockFilePath, line, column), problem);
            }
            else if (!string.IsNullOrEmpty(ValidLockFileStamp))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(ValidLockFileStamp)!);
                File.WriteAllText(ValidLockFileStamp, LockFilePath);
            }

            return;
        }

        if (IsContinuousIntegration)
        {
            var message = $"'{PathDisplay.Relative(Path.GetDirectoryName(ProjectFile) ?? "", LockFilePath)}' is missing in a CI build, so restore would resolve versions afresh instead of the committed ones";
            LogDiagnostic(RuleIds.LockFile, SourceLocation.WholeFile(ProjectFile), message);

            // The build stops at restore, before the report: the SARIF log CI uploads must carry this finding too.
            var findings = new List<Finding> { Finding.At(RuleIds.LockFile, SourceLocation.WholeFile(ProjectFile), "missing", message) };
            var report = FindingReport.Create(findings, Path.GetDirectoryName(ProjectFile) ?? "", SeverityPolicy, BaselineReader.LoadOrReport(BaselineFile, findings));
            WriteSarifLogs(SarifLogs, report, ProjectFile, SourceRoot);
            return;
        }

        Log.LogMessage(MessageImportance.High,
            "TwelveFactor: restore writes {0} if it succeeds; commit it so that every build restores the same packages (factor II).",
            LockFilePath);
        if (!string.IsNullOrEmpty(RestoreCacheFile))
        {
            BuildEngine4.RegisterTaskObject(typeof(FailedRestoreLockFile).FullName + "|" + LockFilePath,
                new FailedRestoreLockFile(LockFilePath, RestoreCacheFile!), RegisteredTaskObjectLifetime.Build, allowEarlyCollection: false);
        }
    }
}
