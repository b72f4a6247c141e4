using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using TwelveFactor.Sdk.Analyzers.Tests.Verification;
using TwelveFactor.Sdk.Policy;
using static TwelveFactor.Sdk.Analyzers.Tests.Verification.ServiceTest;

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
                builder.WebHost.UseUrls({|#0:"http://localhost:5000"|});
                builder.WebHost.UseUrls({|#1:"http://localhost:5000"|});
            }
        }
        """;

    private static string BaselineOf(params (string RuleId, string Fingerprint)[] entries) =>
        "{ \"version\": 1, // accepted for now\n \"findings\": [" +
        string.Join(",", entries.Select(e => $"{{ \"ruleId\": \"{e.RuleId}\", \"fingerprint\": \"{e.Fingerprint}\", \"file\": \"Program.cs\", \"message\": \"a {{brace}} \\\"quoted\\\"\" }}")) +
        ",]}";

    private static string FingerprintOf(int occurrence) =>
        Fingerprint.Compute("TF0702", "Program.cs", "UseUrls|http://localhost:5000", occurrence);

    private static DiagnosticResult ListenAddress(int location, DiagnosticSeverity severity, bool suppressed) =>
        Diagnostic("TF0702").WithLocation(location).WithSeverity(severity).WithIsSuppressed(suppressed)
            .WithArguments("The call 'UseUrls'", "http://localhost:5000");

    [Fact]
    public async Task A_baselined_error_is_suppressed_and_only_its_own_occurrence()
    {
        // TF0702 is an error rule: the SDK's global config makes it one (a descriptor defaulting to Error could not be suppressed).
        await new ServiceTest().WithSource(TwoListenAddresses).WithSeverity("TF0702", ReportDiagnostic.Error)
            .WithBaseline(BaselineOf(("TF0702", FingerprintOf(0))))
            .Expecting(ListenAddress(0, DiagnosticSeverity.Error, suppressed: true), ListenAddress(1, DiagnosticSeverity.Error, suppressed: false))
            .RunAsync();
    }

    [Fact]
    public async Task A_baselined_finding_stays_suppressed_when_lines_move()
    {
        var moved = TwoListenAddresses.Replace("static class Startup", "// a new comment\n\nstatic class Startup");
        await new ServiceTest().WithSource(moved).WithSeverity("TF0702", ReportDiagnostic.Error)
            .WithBaseline(BaselineOf(("TF0702", FingerprintOf(0)), ("TF0702", FingerprintOf(1))))
            .Expecting(ListenAddress(0, DiagnosticSeverity.Error, suppressed: true), ListenAddress(1, DiagnosticSeverity.Error, suppressed: true))
            .RunAsync();
    }

    [Fact]
    public async Task Fingerprints_match_the_engine_scheme()
    {
        var test = new ServiceTest().WithSource(TwoListenAddresses).Expecting(
            ListenAddress(0, DiagnosticSeverity.Warning, suppressed: false), ListenAddress(1, DiagnosticSeverity.Warning, suppressed: false));
        await test.RunAsync();

        var subjects = test.Reported.Distinct().OrderBy(d => d.Location.SourceSpan.Start).Select(d => new FingerprintSubject(d.Id, d.Location.GetLineSpan().Path,
            d.Location.GetLineSpan().StartLinePosition.Line + 1, 1, d.Properties[AnalyzerProperties.Key]!));
        var assigned = Fingerprint.Assign(subjects, ProjectDirectory, s => s);

        Assert.Equal(new[] { FingerprintOf(0), FingerprintOf(1) }, assigned.Select(a => a.Fingerprint));
        Assert.All(assigned, a => Assert.Equal("Program.cs", a.RelativeFile));
    }

    [Fact]
    public async Task A_malformed_baseline_suppresses_nothing()
    {
        await new ServiceTest().WithSource(TwoListenAddresses).WithBaseline("{ \"findings\": [ { \"ruleId\": \"TF0702\", ")
            .Expecting(ListenAddress(0, DiagnosticSeverity.Warning, suppressed: false), ListenAddress(1, DiagnosticSeverity.Warning, suppressed: false))
            .RunAsync();
    }

    [Fact]
    public async Task A_baseline_nested_past_any_sane_depth_suppresses_nothing_and_does_not_exhaust_the_stack()
    {
        var deep = "{\"version\":1,\"findings\":" + new string('[', 100_000) + new string(']', 100_000) + "}";
        await new ServiceTest().WithSource(TwoListenAddresses).WithBaseline(deep)
            .Expecting(ListenAddress(0, DiagnosticSeverity.Warning, suppressed: false), ListenAddress(1, DiagnosticSeverity.Warning, suppressed: false))
            .RunAsync();
    }

    [Fact]
    public void Every_regular_expression_of_the_analyzer_is_bounded_by_a_timeout()
    {
        var regexes = typeof(AnalyzerRegex).Assembly.GetTypes()
            .SelectMany(t => t.GetFields(System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.DeclaredOnly))
            .Where(f => f.FieldType == typeof(System.Text.RegularExpressions.Regex) && !f.DeclaringType!.IsGenericTypeDefinition)
            .Select(f => (System.Text.RegularExpressions.Regex)f.GetValue(null)!)
            .ToList();

        Assert.NotEmpty(regexes);
        Assert.All(regexes, r => Assert.Equal(AnalyzerRegex.Timeout, r.MatchTimeout));
    }

    [Fact]
    public async Task An_entry_of_another_rule_or_file_suppresses_nothing()
    {
        var otherRule = Fingerprint.Compute("TF0401", "Program.cs", "UseUrls|http://localhost:5000", 0);
        var otherFile = Fingerprint.Compute("TF0702", "Other.cs", "UseUrls|http://localhost:5000", 0);
        await new ServiceTest().WithSource(TwoListenAddresses).WithBaseline(BaselineOf(("TF0401", otherRule), ("TF0702", otherFile)))
            .Expecting(ListenAddress(0, DiagnosticSeverity.Warning, suppressed: false), ListenAddress(1, DiagnosticSeverity.Warning, suppressed: false))
            .RunAsync();
    }
}
