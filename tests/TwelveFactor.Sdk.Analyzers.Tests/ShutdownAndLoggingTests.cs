using static TwelveFactor.Sdk.Analyzers.Tests.AnalyzerRun;

namespace TwelveFactor.Sdk.Analyzers.Tests;

/// <summary>TF0902 (graceful shutdown) and TF1101 (logs as streams).</summary>
public class ShutdownAndLoggingTests
{
    [Fact]
    public void Hosted_loops_that_ignore_their_token_and_a_zero_shutdown_timeout_are_reported()
    {
        var diagnostics = Analyze("""
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.Hosting;

            sealed class Poller : BackgroundService
            {
                protected override async Task ExecuteAsync(CancellationToken stoppingToken)
                {
                    while (true)
                    {
                        await Task.Delay(1000);
                    }
                }
            }

            sealed class Careful : BackgroundService
            {
                protected override async Task ExecuteAsync(CancellationToken stoppingToken)
                {
                    while (!stoppingToken.IsCancellationRequested)
                    {
                        await Task.Delay(1000, stoppingToken);
                    }

                    for (var i = 0; i < 3; i++)
                    {
                        await Task.Delay(10, stoppingToken);
                    }
                }
            }

            static class Startup
            {
                static void Configure(IServiceCollection services, IHostBuilder host)
                {
                    services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.Zero);
                    services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(0));
                    services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(30));
                }
            }
            """, processType: "worker");

        Assert.Equal(new[] { "TF0902@11", "TF0902@38", "TF0902@39" }, IdsAndLines(diagnostics));
        Assert.StartsWith("The loop in 'Poller.ExecuteAsync' never checks its CancellationToken 'stoppingToken'.", diagnostics[0].GetMessage());
    }

    [Fact]
    public void File_sinks_providers_and_log_file_writes_are_reported_console_sinks_are_not()
    {
        var diagnostics = AnalyzeFiles(new[]
        {
            ("Stubs.cs", Stubs.Libraries),
            ("Program.cs", """
                using System;
                using System.IO;
                using Serilog;

                static class Logging
                {
                    static void Configure(string folder, string message)
                    {
                        new LoggerConfiguration().WriteTo.File("logs/app.txt");
                        new LoggerConfiguration().WriteTo.Console();
                        File.AppendAllText("app.log", message);
                        File.AppendAllText(Path.Combine(folder, $"log-{DateTime.Today:yyyyMMdd}.txt"), message);
                        using var writer = new StreamWriter("logs/trace.log");
                        var target = new NLog.Targets.FileTarget();
                        var console = new NLog.Targets.ConsoleTarget();
                        File.WriteAllText(Path.Combine(folder, "report.csv"), message);
                        Console.WriteLine(message);
                    }
                }
                """),
        }, processType: "worker");

        Assert.Equal(new[] { "TF1101@9", "TF1101@11", "TF1101@12", "TF1101@13", "TF1101@14" },
            IdsAndLines(diagnostics).Where(x => x.StartsWith("TF", StringComparison.Ordinal)));
        Assert.StartsWith("'WriteTo.File(...)' writes logs to files (a file sink).", diagnostics.First().GetMessage());
    }
}
