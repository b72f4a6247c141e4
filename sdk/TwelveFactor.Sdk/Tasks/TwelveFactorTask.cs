using Microsoft.Build.Framework;
using TwelveFactor.Sdk.Catalog;
using TwelveFactor.Sdk.Policy;

namespace TwelveFactor.Sdk.Tasks;

/// <summary>
/// Base of every task in the SDK: an unexpected exception becomes a coded TF0000 error naming the task, never
/// MSBuild's MSB4018 stack trace.
/// </summary>
public abstract class TwelveFactorTask : Microsoft.Build.Utilities.Task
{
    public sealed override bool Execute()
    {
        try
        {
            ExecuteCore();
        }
        catch (Exception ex) when (!IsFatal(ex))
        {
            LogDiagnostic(RuleIds.InternalError, SourceLocation.WholeFile(BuildEngine?.ProjectFileOfTaskNode ?? ""), GetType().Name, Describe(ex));
        }

        return !Log.HasLoggedErrors;
    }

    protected abstract void ExecuteCore();

    /// <summary>Logs an engine diagnostic directly, with the same severity rules as findings.</summary>
    protected void LogDiagnostic(string ruleId, SourceLocation location, params string[] arguments)
    {
        var rule = RuleCatalog.Get(ruleId);
        var finding = Finding.At(ruleId, location, "", arguments);
        FindingLogger.Log(Log, rule, SeverityPolicy.Resolve(rule), finding, rule.FormatMessage(arguments));
    }

    /// <summary>The policy for diagnostics this task logs itself; tasks that take the policy inputs override it.</summary>
    protected virtual SeverityPolicy SeverityPolicy => global::TwelveFactor.Sdk.Policy.SeverityPolicy.Default;

    internal static string Describe(Exception ex) => ex.GetType().Name + ": " + ex.Message;

    /// <summary>
    /// The folder locations are relative to: the repository's root ($(TwelveFactorRepositoryRoot), resolved once in
    /// the targets), or the project's folder outside a repository.
    /// </summary>
    protected static string RepositoryOrProjectFolder(string? repositoryRoot, string projectFile) =>
        string.IsNullOrEmpty(repositoryRoot) ? Path.GetDirectoryName(projectFile) ?? "" : repositoryRoot!;

    /// <summary>Writes a SARIF log to each place asked for; one that cannot be written is TF0006.</summary>
    protected void WriteSarifLogs(IEnumerable<ITaskItem> logs, byte[] content, string projectFile)
    {
        foreach (var log in logs)
        {
            try
            {
                FileWriting.WriteIfChanged(Path.GetFullPath(log.ItemSpec), content);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                LogDiagnostic(RuleIds.ReportNotWritten, SourceLocation.WholeFile(projectFile), log.ItemSpec, ex.Message);
            }
        }
    }

    private static bool IsFatal(Exception ex) => ex is OutOfMemoryException or StackOverflowException;
}
