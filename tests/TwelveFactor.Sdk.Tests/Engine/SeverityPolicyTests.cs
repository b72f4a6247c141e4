using TwelveFactor.Sdk.Catalog;
using TwelveFactor.Sdk.Policy;

namespace TwelveFactor.Sdk.Tests.Engine;

public class SeverityPolicyTests
{
    private static readonly Rule ErrorRule = RuleCatalog.Get(RuleIds.FloatingVersion);
    private static readonly Rule WarningRule = RuleCatalog.Get(RuleIds.ProjectReferenceOutsideRepository);
    private static readonly Rule EngineWarning = RuleCatalog.Get(RuleIds.StaleBaseline);

    [Theory]
    [InlineData(PolicyLevel.Recommended, RuleSeverity.Error, RuleSeverity.Warning)]
    [InlineData(PolicyLevel.Strict, RuleSeverity.Error, RuleSeverity.Error)]
    [InlineData(PolicyLevel.Audit, RuleSeverity.Warning, RuleSeverity.Warning)]
    public void The_policy_level_sets_the_starting_severity(PolicyLevel level, RuleSeverity forErrorRule, RuleSeverity forWarningRule)
    {
        var policy = new SeverityPolicy(level, null, null, null, false);
        Assert.Equal(forErrorRule, policy.Resolve(ErrorRule));
        Assert.Equal(forWarningRule, policy.Resolve(WarningRule));
    }

    [Fact]
    public void NoWarn_silences_even_an_error_rule_and_wins_over_WarningsAsErrors()
    {
        var policy = new SeverityPolicy(PolicyLevel.Strict, "CS1591; TF0202", "TF0202", null, true);
        Assert.Equal(RuleSeverity.None, policy.Resolve(ErrorRule));
    }

    [Fact]
    public void WarningsAsErrors_tightens_one_rule_even_under_audit()
    {
        var policy = new SeverityPolicy(PolicyLevel.Audit, null, "TF0101", null, false);
        Assert.Equal(RuleSeverity.Error, policy.Resolve(WarningRule));
        Assert.Equal(RuleSeverity.Warning, policy.Resolve(ErrorRule));
    }

    [Fact]
    public void WarningsNotAsErrors_relaxes_one_rule_even_under_strict_and_TreatWarningsAsErrors()
    {
        var policy = new SeverityPolicy(PolicyLevel.Strict, null, null, "TF0202,NU1605", true);
        Assert.Equal(RuleSeverity.Warning, policy.Resolve(ErrorRule));
        Assert.Equal(RuleSeverity.Error, policy.Resolve(WarningRule));
    }

    [Fact]
    public void TreatWarningsAsErrors_promotes_warnings_except_under_audit()
    {
        Assert.Equal(RuleSeverity.Error, new SeverityPolicy(PolicyLevel.Recommended, null, null, null, true).Resolve(WarningRule));
        Assert.Equal(RuleSeverity.Warning, new SeverityPolicy(PolicyLevel.Audit, null, null, null, true).Resolve(WarningRule));
    }

    [Fact]
    public void The_policy_level_does_not_change_engine_diagnostics()
    {
        Assert.Equal(RuleSeverity.Warning, new SeverityPolicy(PolicyLevel.Strict, null, null, null, false).Resolve(EngineWarning));
    }

    [Theory]
    [InlineData("", PolicyLevel.Recommended, true)]
    [InlineData(" Strict ", PolicyLevel.Strict, true)]
    [InlineData("AUDIT", PolicyLevel.Audit, true)]
    [InlineData("lenient", PolicyLevel.Recommended, false)]
    public void Policy_values_parse_case_insensitively(string text, PolicyLevel expected, bool valid)
    {
        Assert.Equal(valid, PolicyLevels.TryParse(text, out var level));
        Assert.Equal(expected, level);
    }
}
