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

    private static bool IsFatal(Exception ex) => ex is OutOfMemoryException or StackOverflowException;
}
