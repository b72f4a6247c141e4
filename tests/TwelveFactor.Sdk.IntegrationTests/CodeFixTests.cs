namespace TwelveFactor.Sdk.IntegrationTests;

/// <summary>
/// The analyzer's code fixes as a user applies them from the command line: `dotnet format analyzers
/// --diagnostics ...` on a real project built with the packed SDK rewrites the code, and the next build has no
/// finding of the fixed kinds.
/// </summary>
public class CodeFixTests
{
    /// <summary>The analyzer tests' web service, with a literal client address that carries a key (TF0303, TF0401).</summary>
    private static readonly string ViolatingWebService = AnalyzerTests.ViolatingWebService.Replace(
        "builder.Services.AddHostedService<Pinger>();",
        "builder.Services.AddHostedService<Pinger>();\n" +
        "builder.Services.AddSingleton(new HttpClient { BaseAddress = new Uri(\"https://api.partner.example/v1?api_key=abc123def\") });");

    private const string FixedWebService = """
        var builder = WebApplication.CreateBuilder(args);
        builder.WebHost.UseUrls($"http://localhost:{(Environment.GetEnvironmentVariable("PORT") ?? "5000")}");
        builder.Services.AddHostedService<Pinger>();
        builder.Services.AddSingleton(new HttpClient { BaseAddress = new Uri(builder.Configuration["Partner:Url"] ?? throw new InvalidOperationException("Set Partner__Url (configuration 'Partner:Url').")) });
        var app = builder.Build();
        app.MapGet("/healthz", () => Results.Ok("alive"));
        app.Run();

        sealed class Pinger : BackgroundService
        {
            protected override async Task ExecuteAsync(CancellationToken stoppingToken)
            {
                while (!stoppingToken.IsCancellationRequested)
                {
                    await Task.Delay(1000, stoppingToken);
                }
            }
        }
        """;

    [Fact]
    public void Dotnet_format_applies_the_fixes_and_the_next_build_has_no_finding_of_the_fixed_kinds()
    {
        using var ws = Workspace.Create("codefix-format");
        ws.WriteProject("Web", "web");
        ws.WriteFile("Web/Program.cs", ViolatingWebService);
        var before = ws.Build("Web");
        Assert.Equal(new[] { "TF0303", "TF0401", "TF0702", "TF0902" }, before.Findings.Select(f => f.Code).Distinct().OrderBy(c => c));

        var format = ws.Dotnet("Web", "format", "analyzers", "--diagnostics", "TF0702", "TF0902", "TF0303", "TF0401", "--severity", "warn");

        Assert.True(format.Succeeded, format.ToString());
        Assert.Equal(FixedWebService, ws.ReadFile("Web/Program.cs").TrimEnd('\n'));
        var after = ws.Build("Web", "-p:TwelveFactorCollectCompilerFindings=true");
        Assert.True(after.Succeeded, after.ToString());
        Assert.Empty(after.Findings);
        Assert.Equal(new[] { "TF0802" }, ws.SarifOf("Web").Results.Select(r => r.RuleId)); // background work in a web process: a person's call, no fix
    }

    [Fact]
    public void A_diagnostic_without_a_safe_fix_is_left_as_it_is()
    {
        using var ws = Workspace.Create("codefix-none");
        ws.WriteProject("Web", "web");
        var program = ViolatingWebService.Replace("builder.WebHost.UseUrls(\"http://localhost:5000\");",
            "builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.Zero);");
        ws.WriteFile("Web/Program.cs", program);

        var format = ws.Dotnet("Web", "format", "analyzers", "--diagnostics", "TF0902", "--severity", "warn");

        Assert.True(format.Succeeded, format.ToString());
        Assert.Contains("o.ShutdownTimeout = TimeSpan.Zero", ws.ReadFile("Web/Program.cs"));
        Assert.Contains("while (!stoppingToken.IsCancellationRequested)", ws.ReadFile("Web/Program.cs"));
        var after = ws.Build("Web");
        var left = Assert.Single(after.WithCode("TF0902"));
        Assert.Equal(ws.LineOf("Web/Program.cs", "ShutdownTimeout"), left.Line);
    }
}
