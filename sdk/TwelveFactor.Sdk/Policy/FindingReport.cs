using TwelveFactor.Sdk.Catalog;

namespace TwelveFactor.Sdk.Policy;

public enum BaselineState
{
    /// <summary>Not in the baseline: reported at its severity.</summary>
    New,

    /// <summary>In the baseline: reported as baselined, never breaks the build.</summary>
    Unchanged,

    /// <summary>A baseline entry that no longer matches any finding.</summary>
    Absent,
}

public sealed record ReportedFinding(
    FingerprintedFinding Source,
    Rule Rule,
    RuleSeverity Severity,
    BaselineState BaselineState,
    string Message)
{
    public Finding Finding => Source.Finding;

    public bool BreaksBuild => BaselineState == BaselineState.New && Severity == RuleSeverity.Error;
}

/// <summary>
/// Applies the baseline and the severity policy to a set of findings: the one place that decides what a
/// finding becomes, shared by the build report and the baseline writer.
/// </summary>
public sealed class FindingReport
{
    private FindingReport(IReadOnlyList<ReportedFinding> findings, IReadOnlyList<BaselineEntry> staleEntries)
    {
        Findings = findings;
        StaleEntries = staleEntries;
    }

    public IReadOnlyList<ReportedFinding> Findings { get; }

    /// <summary>No finding, because nothing was checked.</summary>
    public static FindingReport Nothing { get; } = new(Array.Empty<ReportedFinding>(), Array.Empty<BaselineEntry>());

    /// <summary>Baseline entries whose finding is gone: the baseline can shrink by these.</summary>
    public IReadOnlyList<BaselineEntry> StaleEntries { get; }

    /// <summary>The same report keeping only the stale entries this pass can vouch for.</summary>
    public FindingReport WithStaleEntriesWhere(Func<BaselineEntry, bool> keep) => new(Findings, StaleEntries.Where(keep).ToList());

    public static FindingReport Create(IEnumerable<Finding> findings, string baseDirectory, SeverityPolicy policy, Baseline baseline)
    {
        var accepted = new HashSet<(string, string)>(baseline.Entries.Select(e => (e.RuleId, e.Fingerprint)));
        var matched = new HashSet<(string, string)>();
        var reported = new List<ReportedFinding>();
        // Two checks reading the same file (a malformed appsettings.json, say) may report the same finding.
        var distinct = findings
            .GroupBy(f => (f.RuleId, f.File, f.Line, f.Column, f.FingerprintKey, string.Join("\n", f.Arguments)))
            .Select(g => g.First());
        foreach (var item in Fingerprint.Assign(distinct, baseDirectory))
        {
            if (!RuleCatalog.TryGet(item.Finding.RuleId, out var rule))
            {
                rule = RuleCatalog.Get(RuleIds.InternalError);
            }

            var key = (rule.Id, item.Fingerprint);
            var state = accepted.Contains(key) && rule.Id != RuleIds.MalformedBaseline ? BaselineState.Unchanged : BaselineState.New;
            if (state == BaselineState.Unchanged)
            {
                matched.Add(key);
            }

            var message = rule.FormatMessage(item.Finding.Arguments.ToArray());
            reported.Add(new ReportedFinding(item, rule, policy.Resolve(rule), state, message));
        }

        var stale = baseline.Entries.Where(e => !matched.Contains((e.RuleId, e.Fingerprint))).ToList();
        return new FindingReport(reported, stale);
    }
}
