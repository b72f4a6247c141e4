using TwelveFactor.Sdk.Assessment;
using TwelveFactor.Sdk.Catalog;
using TwelveFactor.Sdk.Policy;

namespace TwelveFactor.Sdk.Tests.ProjectRules;

public class ScorecardTests
{
    private static FindingReport Report(Baseline? baseline, SeverityPolicy? policy, params Finding[] findings) =>
        FindingReport.Create(findings, "/svc", policy ?? SeverityPolicy.Default, baseline ?? Baseline.Empty);

    private static readonly Finding Address = Finding.At(RuleIds.HardCodedBackingService, new SourceLocation("/svc/appsettings.json", 4, 15), "ConnectionStrings:Db", "The setting 'ConnectionStrings:Db'", "db:5432");
    private static readonly Finding FileSink = Finding.At(RuleIds.FileLogging, new SourceLocation("/svc/Svc.csproj", 9, 5), "Serilog.Sinks.File", "The package 'Serilog.Sinks.File'", "a file-logging provider referenced directly");

    [Fact]
    public void Each_factor_is_compliant_has_findings_or_is_not_checkable()
    {
        var card = Scorecard.Create(Report(null, null, Address, FileSink, FileSink with { Line = 10, FingerprintKey = "Serilog.Sinks.RollingFile" }),
            new[] { "TF0201", "TF0401", "TF1101" });

        Assert.Equal(12, card.Factors.Count);
        Assert.Equal(FactorStatus.Compliant, card.Factors[1].Status);
        Assert.Equal("compliant", card.Factors[1].Summary);
        Assert.Equal("1 finding (TF0401)", card.Factors[3].Summary);
        Assert.Equal("2 findings (TF1101 x2)", card.Factors[10].Summary);
        Assert.Equal(FactorStatus.NotCheckable, card.Factors[5].Status);
        Assert.NotEmpty(card.Factors[5].Review);
        Assert.All(card.Factors, score => Assert.False(string.IsNullOrWhiteSpace(score.Review), score.Name));
    }

    [Fact]
    public void Baselined_findings_still_count_and_say_so_while_NoWarn_ones_do_not()
    {
        var fingerprint = Fingerprint.Assign(new[] { Address }, "/svc")[0].Fingerprint;
        var baseline = new Baseline(new[] { new BaselineEntry(RuleIds.HardCodedBackingService, fingerprint, "appsettings.json", "") });
        var policy = new SeverityPolicy(PolicyLevel.Recommended, "TF1101", null, null, false);

        var card = Scorecard.Create(Report(baseline, policy, Address, FileSink), new[] { "TF0401", "TF1101" });

        Assert.Equal("1 finding (TF0401), 1 baselined", card.Factors[3].Summary);
        Assert.Equal((FactorStatus.Compliant, 1), (card.Factors[10].Status, card.Factors[10].SuppressedCount));
    }

    [Fact]
    public void The_markdown_gives_each_finding_its_place_fix_trade_off_and_reason()
    {
        var card = Scorecard.Create(Report(null, null, Address), new[] { "TF0401" });

        var markdown = ScorecardText.Markdown(card, "Svc", "recommended", "/svc");
        var rule = RuleCatalog.Get(RuleIds.HardCodedBackingService);

        Assert.Contains("| IV. Backing services | 1 finding (TF0401) | TF0401 |", markdown);
        Assert.Contains("| VI. Processes | not checkable at build time | none |", markdown);
        Assert.Contains("`appsettings.json(4,15)`: The setting 'ConnectionStrings:Db' points at the fixed address 'db:5432'.", markdown);
        Assert.Contains("  - Fix: " + rule.Fix, markdown);
        Assert.Contains("  - Trade-off: " + rule.TradeOff, markdown);
        Assert.Contains("  - Why: " + rule.Why, markdown);
        var lines = ScorecardText.ConsoleLines(card, "Svc", "recommended").ToList();
        Assert.Equal(13, lines.Count);
        Assert.Contains(lines, l => l.Contains("VI") && l.Contains("not checkable at build time: Check for state"));
    }

    [Fact]
    public void Checks_that_could_not_run_are_named_with_the_reason_and_never_called_compliant()
    {
        var codeRules = new[] { "TF0303", "TF0401", "TF0601", "TF0702", "TF0802", "TF0902", "TF1101", "TF1201" };

        var card = Scorecard.Create(Report(null, null, Address), new[] { "TF0303", "TF0401", "TF1101" }, codeRules, "restore failed (NU1101)");

        // VI has only a code rule: not checked, and why.
        Assert.Equal(FactorStatus.NotRun, card.Factors[5].Status);
        Assert.Equal("not checked (TF0601): restore failed (NU1101)", card.Factors[5].Summary);
        // XI was checked in config: compliant there, its code check not run is not hidden.
        Assert.Equal("compliant", card.Factors[10].Summary);
        // IX has a code rule besides what a Dockerfile answers.
        Assert.Equal("not checked (TF0902): restore failed (NU1101)", card.Factors[8].Summary);
        Assert.Equal("1 finding (TF0401)", card.Factors[3].Summary);
        var markdown = ScorecardText.Markdown(card, "Svc", "recommended", "/svc");
        Assert.Contains("| VI. Processes | not checked (TF0601): restore failed (NU1101) | none |", markdown);
        Assert.Contains("- **VI. Processes** (not checked in this build): ", markdown);
    }

    [Fact]
    public void Every_factor_rule_explains_its_trade_off()
    {
        Assert.All(RuleCatalog.All.Where(r => !r.IsEngineDiagnostic), rule => Assert.False(string.IsNullOrWhiteSpace(rule.TradeOff), rule.Id));
    }

    [Fact]
    public void Identical_findings_from_two_checks_are_reported_once()
    {
        var malformed = new Finding(RuleIds.MalformedFile, "/svc/appsettings.json", 3, 1, new[] { "x" }, "syntax");

        Assert.Single(Report(null, null, malformed, malformed with { Arguments = new[] { "x" } }).Findings);
    }
}
