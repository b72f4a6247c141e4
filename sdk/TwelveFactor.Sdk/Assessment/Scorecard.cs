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
}

/// <summary>One factor's line of the scorecard.</summary>
public sealed record FactorScore(
    int Factor,
    FactorStatus Status,
    IReadOnlyList<ReportedFinding> Findings,
    IReadOnlyList<string> CheckedRules,
    int SuppressedCount)
{
    public string Roman => Factors.Roman(Factor);

    public string Name => Factors.Name(Factor);

    public int BaselinedCount => Findings.Count(f => f.BaselineState == BaselineState.Unchanged);

    /// <summary>What a person should look at, beyond what the build checks.</summary>
    public string Review => RuleCatalog.FactorReview(Factor);

    /// <summary>"compliant", "2 findings (TF0401, TF1101 x2)" or "not checkable at build time".</summary>
    public string Summary => Status switch
    {
        FactorStatus.Compliant => "compliant",
        FactorStatus.Findings => Findings.Count + (Findings.Count == 1 ? " finding" : " findings") + " (" + Codes + ")"
            + (BaselinedCount > 0 ? ", " + BaselinedCount + " baselined" : ""),
        _ => "not checkable at build time",
    };

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
    public static Scorecard Create(FindingReport report, IEnumerable<string> assessedRules)
    {
        var assessed = new HashSet<string>(assessedRules.Select(r => r.Trim()).Where(r => r.Length > 0), StringComparer.OrdinalIgnoreCase);
        var scores = new List<FactorScore>();
        for (var factor = 1; factor <= Catalog.Factors.Count; factor++)
        {
            var ofFactor = report.Findings.Where(f => f.Rule.Factor == factor).ToList();
            var counted = ofFactor.Where(f => f.Severity != RuleSeverity.None).ToList();
            var checkedRules = RuleCatalog.All.Where(r => r.Factor == factor && assessed.Contains(r.Id)).Select(r => r.Id).ToList();
            var status = counted.Count > 0 ? FactorStatus.Findings
                : checkedRules.Count > 0 ? FactorStatus.Compliant
                : FactorStatus.NotCheckable;
            scores.Add(new FactorScore(factor, status, counted, checkedRules, ofFactor.Count - counted.Count));
        }

        var engine = report.Findings.Where(f => f.Rule.IsEngineDiagnostic && f.Severity != RuleSeverity.None).ToList();
        return new Scorecard(scores, engine);
    }
}
