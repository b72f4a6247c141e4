using Microsoft.CodeAnalysis;
using TwelveFactor.Sdk.Engine;
using static TwelveFactor.Sdk.Analyzers.Tests.AnalyzerRun;

namespace TwelveFactor.Sdk.Analyzers.Tests;

public class BaselineTests
{
    private const string TwoListenAddresses = """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Hosting;

        static class Startup
        {
            static void Configure(WebApplicationBuilder builder)
            {
                builder.WebHost.UseUrls("http://localhost:5000");
                builder.WebHost.UseUrls("http://localhost:5000");
            }
        }
        """;

    private static string BaselineOf(params (string RuleId, string Fingerprint)[] entries) =>
        "{ \"version\": 1, // accepted for now\n \"findings\": [" +
        string.Join(",", entries.Select(e => $"{{ \"ruleId\": \"{e.RuleId}\", \"fingerprint\": \"{e.Fingerprint}\", \"file\": \"Program.cs\", \"message\": \"a {{brace}} \\\"quoted\\\"\" }}")) +
        ",]}";

    private static string FingerprintOf(int occurrence) =>
        Fingerprint.Compute("TF0702", "Program.cs", "UseUrls|http://localhost:5000", occurrence);

    [Fact]
    public void A_baselined_error_is_suppressed_and_only_its_own_occurrence()
    {
        // TF0702 is an error rule: the SDK's global config makes it one (a descriptor defaulting to Error could not be suppressed).
        var asTheSdkConfiguresIt = new Dictionary<string, ReportDiagnostic> { ["TF0702"] = ReportDiagnostic.Error };
        var diagnostics = Analyze(TwoListenAddresses, baseline: BaselineOf(("TF0702", FingerprintOf(0))), severities: asTheSdkConfiguresIt);

        Assert.Equal(2, diagnostics.Length);
        Assert.Equal(DiagnosticSeverity.Error, diagnostics[0].Severity);
        Assert.True(diagnostics[0].IsSuppressed);
        Assert.False(diagnostics[1].IsSuppressed);
    }

    [Fact]
    public void A_baselined_finding_stays_suppressed_when_lines_move()
    {
        var moved = TwoListenAddresses.Replace("static class Startup", "// a new comment\n\nstatic class Startup");
        var strict = new Dictionary<string, ReportDiagnostic> { ["TF0702"] = ReportDiagnostic.Error };
        var diagnostics = Analyze(moved, baseline: BaselineOf(("TF0702", FingerprintOf(0)), ("TF0702", FingerprintOf(1))), severities: strict);

        Assert.All(diagnostics, d => Assert.True(d.IsSuppressed));
    }

    [Fact]
    public void Fingerprints_match_the_engine_scheme()
    {
        var diagnostics = Analyze(TwoListenAddresses);
        var subjects = diagnostics.Select(d => new FingerprintSubject(d.Id, d.Location.GetLineSpan().Path,
            d.Location.GetLineSpan().StartLinePosition.Line + 1, 1, d.Properties[AnalyzerProperties.Key]!));

        var assigned = Fingerprint.Assign(subjects, ProjectDirectory, s => s);

        Assert.Equal(new[] { FingerprintOf(0), FingerprintOf(1) }, assigned.Select(a => a.Fingerprint));
        Assert.All(assigned, a => Assert.Equal("Program.cs", a.RelativeFile));
    }

    [Fact]
    public void A_malformed_baseline_suppresses_nothing()
    {
        var diagnostics = Analyze(TwoListenAddresses, baseline: "{ \"findings\": [ { \"ruleId\": \"TF0702\", ");

        Assert.All(diagnostics, d => Assert.False(d.IsSuppressed));
    }

    [Fact]
    public void An_entry_of_another_rule_or_file_suppresses_nothing()
    {
        var otherRule = Fingerprint.Compute("TF0401", "Program.cs", "UseUrls|http://localhost:5000", 0);
        var diagnostics = Analyze(TwoListenAddresses, baseline: BaselineOf(("TF0401", otherRule), ("TF0702", Fingerprint.Compute("TF0702", "Other.cs", "UseUrls|http://localhost:5000", 0))));

        Assert.All(diagnostics, d => Assert.False(d.IsSuppressed));
    }
}
