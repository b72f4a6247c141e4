namespace TwelveFactor.Sdk.IntegrationTests;

/// <summary>
/// The code-level checks in real builds with the packed SDK: the analyzer's findings as errors and warnings per
/// policy level, under NoWarn and .editorconfig, in the SARIF log, and accepted by the baseline.
/// </summary>
public class AnalyzerTests
{
    internal const string ViolatingWebService = """
        var builder = WebApplication.CreateBuilder(args);
        builder.WebHost.UseUrls("http://localhost:5000");
        builder.Services.AddHostedService<Pinger>();
        var app = builder.Build();
        app.MapGet("/healthz", () => Results.Ok("alive"));
        app.Run();

        sealed class Pinger : BackgroundService
        {
            protected override async Task ExecuteAsync(CancellationToken stoppingToken)
            {
                while (true)
                {
                    await Task.Delay(1000);
                }
            }
        }
        """;

    private static Workspace ViolatingWeb(string name)
    {
        var ws = Workspace.Create(name);
        ws.WriteProject("Web", "web");
        ws.WriteFile("Web/Program.cs", ViolatingWebService);
        return ws;
    }

    [Fact]
    public void Findings_are_errors_and_warnings_per_the_catalogue_and_reach_the_SARIF_log_even_when_the_compile_fails()
    {
        using var ws = ViolatingWeb("analyzer-recommended");

        // In CI the compiler's SARIF log is written by default; a local build asks for it.
        var result = ws.Build("Web", "-p:TwelveFactorCollectCompilerFindings=true");

        Assert.Equal(1, result.ExitCode);
        var listen = Assert.Single(result.WithCode("TF0702"));
        Assert.Equal(("error", "Program.cs", 2), (listen.Severity, listen.FileName, listen.Line));
        Assert.Contains("'http://localhost:5000'", listen.Message);
        Assert.Contains("TF0702.md", listen.Message);
        var loop = Assert.Single(result.WithCode("TF0902"));
        Assert.Equal(("warning", ws.LineOf("Web/Program.cs", "while (true)")), (loop.Severity, loop.Line));
        Assert.Empty(result.WithCode("TF0802")); // a suggestion: in the IDE and the SARIF log, not the console

        var sarif = ws.SarifOf("Web").Results.OrderBy(r => r.RuleId).ToList();
        Assert.Equal(new[] { "TF0702", "TF0802", "TF0902" }, sarif.Select(r => r.RuleId));
        Assert.Equal(new[] { "error", "note", "warning" }, sarif.Select(r => r.Level));
        Assert.All(sarif, r => Assert.Equal(("Web/Program.cs", "new"), (r.Uri, r.BaselineState)));
        Assert.All(sarif, r => Assert.Matches("^[0-9a-f]{32}$", r.Fingerprint));
    }

    [Fact]
    public void The_policy_level_NoWarn_and_editorconfig_decide_the_severity()
    {
        using var ws = ViolatingWeb("analyzer-policy");

        var strict = ws.Build("Web", "-p:TwelveFactorPolicy=strict");
        Assert.Equal(1, strict.ExitCode);
        Assert.Equal(new[] { "error", "error", "error" }, strict.Findings.OrderBy(f => f.Code).Select(f => f.Severity));

        var audit = ws.Build("Web", "-p:TwelveFactorPolicy=audit", "-p:TreatWarningsAsErrors=true");
        Assert.True(audit.Succeeded, audit.ToString());
        Assert.Equal(new[] { "TF0702", "TF0802", "TF0902" }, audit.Findings.Select(f => f.Code).OrderBy(c => c));
        Assert.All(audit.Findings, f => Assert.Equal("warning", f.Severity));

        var silenced = ws.Build("Web", "-p:NoWarn=TF0702");
        Assert.True(silenced.Succeeded, silenced.ToString());
        Assert.Empty(silenced.WithCode("TF0702"));

        // The user's .editorconfig outranks the SDK's global config, also under strict.
        ws.WriteFile("Web/.editorconfig", "root = true\n\n[*.cs]\ndotnet_diagnostic.TF0702.severity = none\ndotnet_diagnostic.TF0902.severity = suggestion\n");
        var configured = ws.Build("Web", "-p:TwelveFactorPolicy=strict");
        Assert.Equal(new[] { "TF0802" }, configured.Findings.Select(f => f.Code));
    }

    [Fact]
    public void The_baseline_accepts_the_analyzers_findings_and_only_new_ones_break_the_build()
    {
        using var ws = ViolatingWeb("analyzer-baseline");

        var baselining = ws.Build("Web", "-t:TwelveFactorBaseline");
        Assert.True(baselining.Succeeded, baselining.ToString());
        var baseline = ws.ReadFile("Web/TwelveFactor.baseline.json");
        Assert.Contains("\"ruleId\": \"TF0702\"", baseline);
        Assert.Contains("\"ruleId\": \"TF0902\"", baseline);

        var accepted = ws.Build("Web", "-p:TwelveFactorPolicy=strict", "-p:TwelveFactorCollectCompilerFindings=true");
        Assert.True(accepted.Succeeded, accepted.ToString());
        Assert.Empty(accepted.Findings);
        Assert.All(ws.SarifOf("Web").Results, r => Assert.Equal(("unchanged", "note"), (r.BaselineState, r.Level)));

        ws.WriteFile("Web/Program.cs", "// moved\n" + ViolatingWebService.Replace("app.Run();", "app.Urls.Add(\"http://0.0.0.0:8080\");\napp.Run();"));
        var fresh = ws.Build("Web");
        Assert.Equal(1, fresh.ExitCode);
        var error = Assert.Single(fresh.Errors);
        Assert.Equal(("TF0702", ws.LineOf("Web/Program.cs", "app.Urls.Add")), (error.Code, error.Line));
        Assert.Empty(fresh.WithCode("TF0002"));
    }

    [Fact]
    public void Clean_services_have_no_findings_and_the_analyzer_can_be_switched_off()
    {
        using var ws = Workspace.Create("analyzer-clean");
        ws.WriteProject("Web", "web");
        ws.WriteProject("Worker", "worker");

        Assert.Empty(ws.Build("Web", "-p:TwelveFactorPolicy=strict").Findings);
        var worker = ws.Build("Worker", "-p:TwelveFactorPolicy=strict");
        Assert.True(worker.Succeeded, worker.ToString());
        Assert.Empty(worker.Findings);

        ws.WriteFile("Web/Program.cs", ViolatingWebService);
        var off = ws.Build("Web", "-p:TwelveFactorAnalyzersEnabled=false");
        Assert.True(off.Succeeded, off.ToString());
        Assert.Empty(off.Findings);
    }
}
