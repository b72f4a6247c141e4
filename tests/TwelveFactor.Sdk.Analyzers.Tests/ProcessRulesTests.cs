using static TwelveFactor.Sdk.Analyzers.Tests.AnalyzerRun;

namespace TwelveFactor.Sdk.Analyzers.Tests;

/// <summary>TF0601, TF0802 and TF1201: rules that depend on the process type.</summary>
public class ProcessRulesTests
{
    private const string WebServices = """
        using System.Collections.Concurrent;
        using System.Collections.Generic;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Extensions.Hosting;

        static class Startup
        {
            static void Configure(IServiceCollection services)
            {
                services.AddDistributedMemoryCache();
                services.AddSession();
                services.AddHostedService<Refresher>();
            }
        }

        sealed class Refresher : BackgroundService
        {
            protected override System.Threading.Tasks.Task ExecuteAsync(System.Threading.CancellationToken stoppingToken) => System.Threading.Tasks.Task.CompletedTask;
        }

        static class RequestCache
        {
            static readonly ConcurrentDictionary<string, string> Responses = new();
            static readonly Dictionary<string, int> Lookup = new() { ["a"] = 1 };
            static readonly List<string> Seen = new();

            public static string Get(string key) => Responses.GetOrAdd(key, k => k.ToUpperInvariant());
            public static int Find(string key) => Lookup[key];
        }
        """;

    [Fact]
    public void In_a_web_process_in_memory_shared_state_and_hosted_workers_are_reported()
    {
        var diagnostics = Analyze(WebServices);

        Assert.Equal(new[] { "TF0601@10", "TF0601@11", "TF0802@12", "TF0601@23" }, IdsAndLines(diagnostics));
        Assert.Contains("'RequestCache.Responses'", diagnostics[3].GetMessage());
        Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Info, diagnostics[2].Severity);
        Assert.StartsWith("The hosted service 'Refresher' runs background work inside the web process.", diagnostics[2].GetMessage());
    }

    [Fact]
    public void Sessions_backed_by_a_service_read_only_statics_and_other_process_types_are_not_reported()
    {
        var withRedis = WebServices
            .Replace("services.AddDistributedMemoryCache();", "services.AddStackExchangeRedisCache(o => { });")
            .Replace("services.AddHostedService<Refresher>();", "");
        Assert.Equal(new[] { "TF0601@23" }, IdsAndLines(AnalyzeFiles(new[] { ("Program.cs", withRedis), ("Stubs.cs", Stubs.Libraries) })));

        Assert.Empty(Analyze(WebServices, processType: "worker"));
        Assert.Empty(Analyze(WebServices, processType: ""));
    }

    private const string Migrations = """
        using Microsoft.EntityFrameworkCore;

        static class Startup
        {
            static void Run(DbContext db)
            {
                db.Database.Migrate();
                db.Database.EnsureCreated();
            }
        }
        """;

    [Theory]
    [InlineData("web")]
    [InlineData("worker")]
    public void Migrations_in_a_web_or_worker_process_are_reported(string processType)
    {
        var diagnostics = AnalyzeFiles(new[] { ("Program.cs", Migrations), ("Stubs.cs", Stubs.Libraries) }, processType);

        Assert.Equal(new[] { "TF1201@7", "TF1201@8" }, IdsAndLines(diagnostics));
        Assert.StartsWith("The setting 'Database.Migrate()' in code runs an admin task when the " + processType + " process starts.", diagnostics[0].GetMessage());
    }

    [Fact]
    public void Migrations_in_an_admin_process_are_not_reported()
    {
        Assert.Empty(AnalyzeFiles(new[] { ("Program.cs", Migrations), ("Stubs.cs", Stubs.Libraries) }, "admin"));
    }
}
