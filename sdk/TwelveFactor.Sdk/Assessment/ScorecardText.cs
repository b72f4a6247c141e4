using System.Globalization;
using System.Text;
using TwelveFactor.Sdk.Policy;

namespace TwelveFactor.Sdk.Assessment;

/// <summary>The scorecard as the build prints it and as the Markdown file beside the SARIF log.</summary>
public static class ScorecardText
{
    /// <summary>One line per factor, for the build log.</summary>
    public static IEnumerable<string> ConsoleLines(Scorecard card, string projectName, string policy)
    {
        yield return $"TwelveFactor assessment of {projectName} (policy {policy}):";
        foreach (var score in card.Factors)
        {
            var line = $"  {score.Roman,-5} {score.Name,-20} {score.Summary}";
            if (score.Status == FactorStatus.NotCheckable)
            {
                line += ": " + score.Review;
            }
            else if (score.Status == FactorStatus.NotRun)
            {
                line += ". " + score.Review;
            }

            yield return line;
        }

        if (card.EngineFindings.Count > 0)
        {
            yield return $"  The assessment may be incomplete: {card.EngineFindings.Count} engine diagnostic(s) ({string.Join(", ", card.EngineFindings.Select(f => f.Rule.Id).Distinct())}).";
        }
    }

    public static string Markdown(Scorecard card, string projectName, string policy, string baseDirectory)
    {
        var text = new StringBuilder();
        text.Append("# Twelve-factor assessment: ").Append(projectName).Append("\n\n");
        text.Append("Policy: `").Append(policy).Append("`. Produced by `dotnet build -t:TwelveFactorAssess` from the same findings the build reports.\n\n");
        text.Append("| Factor | Status | Checked at build time |\n|---|---|---|\n");
        foreach (var score in card.Factors)
        {
            text.Append("| ").Append(score.Roman).Append(". ").Append(score.Name).Append(" | ").Append(score.Summary)
                .Append(" | ").Append(score.CheckedRules.Count == 0 ? "none" : string.Join(", ", score.CheckedRules)).Append(" |\n");
        }

        foreach (var score in card.Factors.Where(s => s.Status == FactorStatus.Findings))
        {
            text.Append("\n## ").Append(score.Roman).Append(". ").Append(score.Name).Append("\n\n");
            foreach (var finding in score.Findings)
            {
                AppendFinding(text, finding, baseDirectory);
            }
        }

        if (card.EngineFindings.Count > 0)
        {
            text.Append("\n## Engine diagnostics\n\nThese concern the build's own inputs; the assessment may be incomplete until they are fixed.\n\n");
            foreach (var finding in card.EngineFindings)
            {
                AppendFinding(text, finding, baseDirectory);
            }
        }

        text.Append("\n## What to review by hand\n\nA build sees project files, packages and shipped config; these need a person's eye.\n\n");
        foreach (var score in card.Factors)
        {
            text.Append("- **").Append(score.Roman).Append(". ").Append(score.Name).Append("**")
                .Append(score.Status == FactorStatus.NotCheckable ? " (not checkable at build time)" : score.Status == FactorStatus.NotRun ? " (not checked in this build)" : "")
                .Append(": ").Append(score.Review).Append('\n');
        }

        return text.ToString();
    }

    private static void AppendFinding(StringBuilder text, ReportedFinding reported, string baseDirectory)
    {
        var f = reported.Finding;
        var rule = reported.Rule;
        var where = f.File.Length == 0 ? "the project" : PathDisplay.Relative(baseDirectory, f.File)
            + (f.Line > 0 ? "(" + f.Line.ToString(CultureInfo.InvariantCulture) + (f.Column > 0 ? "," + f.Column.ToString(CultureInfo.InvariantCulture) : "") + ")" : "");
        text.Append("- **[").Append(rule.Id).Append("](").Append(rule.HelpLink).Append(")** `").Append(where).Append("`")
            .Append(reported.BaselineState == BaselineState.Unchanged ? " (baselined)" : "")
            .Append(": ").Append(rule.FormatFound(f.Arguments.ToArray()).TrimEnd('.')).Append(".\n");
        text.Append("  - Fix: ").Append(rule.Fix).Append('\n');
        if (rule.TradeOff.Length > 0)
        {
            text.Append("  - Trade-off: ").Append(rule.TradeOff).Append('\n');
        }

        text.Append("  - Why: ").Append(rule.Why).Append('\n');
    }
}
