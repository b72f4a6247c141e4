using TwelveFactor.Sdk.Analyzers.Tests.Verification;
using static TwelveFactor.Sdk.Analyzers.Tests.Verification.ServiceTest;

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
                [|services.AddDistributedMemoryCache()|];
                [|services.AddSession()|];
                [|services.AddHostedService<Refresher>()|];
            }
        }

        sealed class Refresher : BackgroundService
        {
            protected override System.Threading.Tasks.Task ExecuteAsync(System.Threading.CancellationToken stoppingToken) => System.Threading.Tasks.Task.CompletedTask;
        }

        static class RequestCache
        {
            static readonly ConcurrentDictionary<string, string> [|Responses|] = new();
            static readonly Dictionary<string, int> Lookup = new() { ["a"] = 1 };
            static readonly List<string> Seen = new();

            public static string Get(string key) => Responses.GetOrAdd(key, k => k.ToUpperInvariant());
            public static int Find(string key) => Lookup[key];
        }
        """;

    /// <summary>The sources with their markup spans numbered in order ({|#0:...|}, {|#1:...|}, ...).</summary>
    private static string Numbered(string markup)
    {
        var index = 0;
        return System.Text.RegularExpressions.Regex.Replace(markup, @"\[\|(.*?)\|\]", m => "{|#" + index++ + ":" + m.Groups[1].Value + "|}");
    }

    private static string Unmarked(string markup) => System.Text.RegularExpressions.Regex.Replace(markup, @"\[\|(.*?)\|\]", "$1");

    [Fact]
    public async Task In_a_web_process_in_memory_shared_state_and_hosted_workers_are_reported()
    {
        await VerifyAsync(Numbered(WebServices), expected: new[]
        {
            Diagnostic("TF0601").WithLocation(0).WithArguments(
                "'AddDistributedMemoryCache()' backs IDistributedCache, and the sessions stored in it, with process memory"),
            Diagnostic("TF0601").WithLocation(1).WithArguments(
                "'AddSession()' keeps sessions in IDistributedCache, and no cache backed by a service (Redis, SQL Server, ...) is registered"),
            Diagnostic("TF0802").WithLocation(2).WithSeverity(Microsoft.CodeAnalysis.DiagnosticSeverity.Info).WithArguments("Refresher"),
            Diagnostic("TF0601").WithLocation(3).WithArguments(
                "The static field 'RequestCache.Responses' (ConcurrentDictionary) is written while serving requests and lives only in this process"),
        });
    }

    [Fact]
    public async Task Sessions_backed_by_a_service_read_only_statics_and_other_process_types_are_not_reported()
    {
        var withRedis = Numbered(WebServices
            .Replace("[|services.AddDistributedMemoryCache()|];", "services.AddStackExchangeRedisCache(o => { });")
            .Replace("[|services.AddSession()|];", "services.AddSession();")
            .Replace("[|services.AddHostedService<Refresher>()|];", ""));
        await new ServiceTest().WithLibraries().WithSource(withRedis).Expecting(Diagnostic("TF0601").WithLocation(0).WithArguments(
            "The static field 'RequestCache.Responses' (ConcurrentDictionary) is written while serving requests and lives only in this process")).RunAsync();

        await VerifyAsync(Unmarked(WebServices), processType: "worker");
        await VerifyAsync(Unmarked(WebServices), processType: "");
    }

    private const string Migrations = """
        using Microsoft.EntityFrameworkCore;

        static class Startup
        {
            static void Run(DbContext db)
            {
                {|#0:db.Database.Migrate()|};
                {|#1:db.Database.EnsureCreated()|};
            }
        }
        """;

    [Theory]
    [InlineData("web")]
    [InlineData("worker")]
    public async Task Migrations_in_a_web_or_worker_process_are_reported(string processType)
    {
        await new ServiceTest(processType).WithLibraries().WithSource(Migrations).Expecting(
            Diagnostic("TF1201").WithLocation(0).WithArguments("The call 'Database.Migrate()'", processType),
            Diagnostic("TF1201").WithLocation(1).WithArguments("The call 'Database.EnsureCreated()'", processType)).RunAsync();
    }

    [Fact]
    public async Task Migrations_in_an_admin_process_are_not_reported()
    {
        await new ServiceTest("admin").WithLibraries().WithSource(Migrations.Replace("{|#0:", "").Replace("{|#1:", "").Replace("|}", "")).RunAsync();
    }

    [Fact]
    public async Task A_migration_guarded_by_the_command_line_is_an_admin_command_any_other_guard_is_not()
    {
        await new ServiceTest().AsProgram().WithLibraries().WithSource("""
            using System;
            using Microsoft.EntityFrameworkCore;

            var db = new DbContext();
            if (args is ["migrate"])
            {
                db.Database.Migrate();
                return;
            }

            if (Environment.GetEnvironmentVariable("MIGRATE") == "1")
            {
                {|TF1201:db.Database.Migrate()|};
            }
            """).RunAsync();
    }
}
