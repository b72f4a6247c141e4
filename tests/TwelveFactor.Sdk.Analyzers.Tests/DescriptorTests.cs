using Microsoft.CodeAnalysis;
using TwelveFactor.Sdk.Catalog;

namespace TwelveFactor.Sdk.Analyzers.Tests;

/// <summary>One catalogue: the analyzer's descriptors say what the build-time rules say.</summary>
public class DescriptorTests
{
    [Fact]
    public void Every_descriptor_comes_from_the_catalogue()
    {
        var descriptors = new TwelveFactorAnalyzer().SupportedDiagnostics;

        Assert.Equal(new[] { "TF0303", "TF0401", "TF0601", "TF0702", "TF0802", "TF0902", "TF1101", "TF1201" }, descriptors.Select(d => d.Id));
        foreach (var descriptor in descriptors)
        {
            var rule = RuleCatalog.Get(descriptor.Id);
            Assert.Equal(rule.Title, descriptor.Title.ToString());
            Assert.Equal(rule.HelpLink, descriptor.HelpLinkUri);
            Assert.Equal("TwelveFactor.Factor" + rule.Factor.ToString("00"), descriptor.Category);
            Assert.Equal(rule.Why, descriptor.Description.ToString());
            var arguments = new[] { "first", "second", "third" };
            Assert.Equal(rule.FormatMessage(arguments), string.Format(descriptor.MessageFormat.ToString(), arguments));
        }
    }

    [Fact]
    public void Default_severities_follow_the_catalogue_with_errors_raised_by_the_SDK_config()
    {
        var bySeverity = new TwelveFactorAnalyzer().SupportedDiagnostics.ToDictionary(d => d.Id, d => d.DefaultSeverity);

        Assert.Equal(DiagnosticSeverity.Info, bySeverity["TF0802"]); // suggestion
        Assert.Equal(DiagnosticSeverity.Warning, bySeverity["TF0902"]); // warning
        Assert.Equal(DiagnosticSeverity.Warning, bySeverity["TF0702"]); // error: a suppressible default, made an error by the global config
        Assert.All(new TwelveFactorAnalyzer().SupportedDiagnostics, d => Assert.True(d.IsEnabledByDefault));
    }

    [Fact]
    public void Every_descriptor_severity_is_the_catalogue_default_kept_suppressible()
    {
        foreach (var descriptor in new TwelveFactorAnalyzer().SupportedDiagnostics)
        {
            var expected = RuleCatalog.Get(descriptor.Id).DefaultSeverity == RuleSeverity.Suggestion ? DiagnosticSeverity.Info : DiagnosticSeverity.Warning;
            Assert.Equal(expected, descriptor.DefaultSeverity);
        }
    }
}
