using TwelveFactor.Sdk.Catalog;
using TwelveFactor.Sdk.Policy;

namespace TwelveFactor.Sdk.Assessment;

public enum FactorStatus
{
    /// <summary>The build checks this factor and found nothing.</summary>
    Compliant,

    /// <summary>The build found violations (baselined ones included: they are still there).</summary>
    Findings,

    /// <summary>No rule of this factor runs in this build: a person has to look.</summary>
    NotCheckable,

    /// <summary>The factor's only checks could not run in this build (restore failed, the code did not compile).</summary>
    NotRun,
}

/// <summary>One factor's line of the scorecard.</summary>
public sealed record FactorScore(
    int Factor,
    FactorStatus Status,
    IReadOnlyList<ReportedFinding> Findings,
    IReadOnlyList<string> CheckedRules,
    int SuppressedCount)
{
    /// <summary>The factor's rules whose checks could not run in this build.</summary>
    public IReadOnlyList<string> NotRunRules { get; init; } = Array.Empty<string>();

    /// <summary>Why they could not: "restore failed (NU1101)".</summary>
    public string NotRunReason { get; init; } = "";

    public string Roman => Factors.Roman(Factor);

    public string Name => Factors.Name(Factor);

    public int BaselinedCount => Findings.Count(f => f.BaselineState == BaselineState.Unchanged);

    /// <summary>What a person should look at, beyond what the build checks.</summary>
    public string Review => RuleCatalog.FactorReview(Factor);

    /// <summary>
    /// "compliant", "2 findings (TF0401, TF1101 x2)", "not checked: restore failed (NU1101)" or "not checkable at
    /// build time"; a factor checked in part names the rules that could not run.
    /// </summary>
    public string Summary => Status switch
    {
        FactorStatus.Compliant => "compliant" + NotRunNote,
        FactorStatus.Findings => Findings.Count + (Findings.Count == 1 ? " finding" : " findings") + " (" + Codes + ")"
            + (BaselinedCount > 0 ? ", " + BaselinedCount + " baselined" : "") + NotRunNote,
        FactorStatus.NotRun => "not checked (" + string.Join(", ", NotRunRules) + "): " + NotRunReason,
        _ => "not checkable at build time",
    };

    private string NotRunNote => NotRunRules.Count == 0 ? "" : " (" + string.Join(", ", NotRunRules) + " not run: " + NotRunReason + ")";

    private string Codes => string.Join(", ", Findings.GroupBy(f => f.Rule.Id).OrderBy(g => g.Key, StringComparer.Ordinal)
        .Select(g => g.Count() == 1 ? g.Key : g.Key + " x" + g.Count()));
}

/// <summary>
/// The twelve-factor review of one project: for each factor, compliant, its findings, or not checkable at
/// build time, from the same findings, policy and baseline the build reports.
/// </summary>
public sealed class Scorecard
{
    private Scorecard(IReadOnlyList<FactorScore> factors, IReadOnlyList<ReportedFinding> engineFindings)
    {
        Factors = factors;
        EngineFindings = engineFindings;
    }

    public IReadOnlyList<FactorScore> Factors { get; }

    /// <summary>Diagnostics about the build's own inputs (TF00xx): a scorecard with these may be incomplete.</summary>
    public IReadOnlyList<ReportedFinding> EngineFindings { get; }

    /// <param name="assessedRules">The rule ids the project's checks cover (@(TwelveFactorAssessedRule)).</param>
    /// <param name="notRunRules">Rule ids whose checks could not run in this build (@(TwelveFactorNotRunRule)).</param>
    /// <param name="notRunReason">Why they could not.</param>
    public static Scorecard Create(FindingReport report, IEnumerable<string> assessedRules, IEnumerable<string>? notRunRules = null, string notRunReason = "")
    {
        var assessed = new HashSet<string>(assessedRules.Select(r => r.Trim()).Where(r => r.Length > 0), StringComparer.OrdinalIgnoreCase);
        var notRun = new HashSet<string>((notRunRules ?? Array.Empty<string>()).Select(r => r.Trim()).Where(r => r.Length > 0), StringComparer.OrdinalIgnoreCase);
        var scores = new List<FactorScore>();
        for (var factor = 1; factor <= Catalog.Factors.Count; factor++)
        {
            var ofFactor = report.Findings.Where(f => f.Rule.Factor == factor).ToList();
            var counted = ofFactor.Where(f => f.Severity != RuleSeverity.None).ToList();
            var checkedRules = RuleCatalog.All.Where(r => r.Factor == factor && assessed.Contains(r.Id)).Select(r => r.Id).ToList();
            // A rule some check ran (TF0303 in config) is checked, even if its code check could not run.
            var notRunOfFactor = RuleCatalog.All.Where(r => r.Factor == factor && notRun.Contains(r.Id) && !assessed.Contains(r.Id)).Select(r => r.Id).ToList();
            var status = counted.Count > 0 ? FactorStatus.Findings
                : checkedRules.Count > 0 ? FactorStatus.Compliant
                : notRunOfFactor.Count > 0 ? FactorStatus.NotRun
                : FactorStatus.NotCheckable;
            scores.Add(new FactorScore(factor, status, counted, checkedRules, ofFactor.Count - counted.Count)
            {
                NotRunRules = notRunOfFactor,
                NotRunReason = notRunReason,
            });
        }

        var engine = report.Findings.Where(f => f.Rule.IsEngineDiagnostic && f.Severity != RuleSeverity.None).ToList();
        return new Scorecard(scores, engine);
    }
}
