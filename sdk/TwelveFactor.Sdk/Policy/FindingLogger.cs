using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using TwelveFactor.Sdk.Catalog;

namespace TwelveFactor.Sdk.Policy;

/// <summary>Writes findings to the MSBuild log with code, location and help link.</summary>
public static class FindingLogger
{
    public const string Subcategory = "TwelveFactor";

    public static void Log(TaskLoggingHelper log, ReportedFinding reported)
    {
        var f = reported.Finding;
        var rule = reported.Rule;
        if (reported.BaselineState == BaselineState.Unchanged)
        {
            log.LogMessage(Subcategory, rule.Id, null, f.File, f.Line, f.Column, f.EndLine, f.EndColumn,
                MessageImportance.Normal, "(baselined) " + reported.Message);
            return;
        }

        Log(log, rule, reported.Severity, f, reported.Message);
    }

    public static void Log(TaskLoggingHelper log, Rule rule, RuleSeverity severity, Finding f, string message)
    {
        switch (severity)
        {
            case RuleSeverity.Error:
                log.LogError(Subcategory, rule.Id, null, rule.HelpLink, f.File, f.Line, f.Column, f.EndLine, f.EndColumn, message);
                break;
            case RuleSeverity.Warning:
                log.LogWarning(Subcategory, rule.Id, null, rule.HelpLink, f.File, f.Line, f.Column, f.EndLine, f.EndColumn, message);
                break;
            case RuleSeverity.Suggestion:
                log.LogMessage(Subcategory, rule.Id, null, f.File, f.Line, f.Column, f.EndLine, f.EndColumn, MessageImportance.High, message);
                break;
            default:
                log.LogMessage(Subcategory, rule.Id, null, f.File, f.Line, f.Column, f.EndLine, f.EndColumn, MessageImportance.Low, "(suppressed) " + message);
                break;
        }
    }
}
