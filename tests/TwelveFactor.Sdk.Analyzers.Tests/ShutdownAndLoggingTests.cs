using TwelveFactor.Sdk.Analyzers.Tests.Verification;
using static TwelveFactor.Sdk.Analyzers.Tests.Verification.ServiceTest;

namespace TwelveFactor.Sdk.Analyzers.Tests;

/// <summary>TF0902 (graceful shutdown) and TF1101 (logs as streams).</summary>
public class ShutdownAndLoggingTests
{
    [Fact]
    public async Task Hosted_loops_that_ignore_their_token_and_a_zero_shutdown_timeout_are_reported()
    {
        await VerifyAsync("""
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.Hosting;

            sealed class Poller : BackgroundService
            {
                protected override async Task ExecuteAsync(CancellationToken stoppingToken)
                {
                    {|#0:while|} (true)
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
                    services.Configure<HostOptions>(o => {|#1:o.ShutdownTimeout = TimeSpan.Zero|});
                    services.Configure<HostOptions>(o => {|#2:o.ShutdownTimeout = TimeSpan.FromSeconds(0)|});
                    services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(30));
                }
            }
            """, processType: "worker", expected: new[]
        {
            Diagnostic("TF0902").WithLocation(0).WithArguments("The loop in 'Poller.ExecuteAsync' never checks its CancellationToken 'stoppingToken'"),
            Diagnostic("TF0902").WithLocation(1).WithArguments("The host's ShutdownTimeout is set to zero"),
            Diagnostic("TF0902").WithLocation(2).WithArguments("The host's ShutdownTimeout is set to zero"),
        });
    }

    [Fact]
    public async Task File_sinks_providers_and_log_file_writes_are_reported_console_sinks_are_not()
    {
        await new ServiceTest("worker").WithLibraries().WithSource("""
            using System;
            using System.IO;
            using Serilog;

            static class Logging
            {
                static void Configure(string folder, string message)
                {
                    new LoggerConfiguration().WriteTo.{|#0:File("logs/app.txt")|};
                    new LoggerConfiguration().WriteTo.Console();
                    {|#1:File.AppendAllText("app.log", message)|};
                    {|#2:File.AppendAllText(Path.Combine(folder, $"log-{DateTime.Today:yyyyMMdd}.txt"), message)|};
                    using var writer = {|#3:new StreamWriter("logs/trace.log")|};
                    var target = {|#4:new NLog.Targets.FileTarget()|};
                    var console = new NLog.Targets.ConsoleTarget();
                    File.WriteAllText(Path.Combine(folder, "report.csv"), message);
                    Console.WriteLine(message);
                }
            }
            """).Expecting(
            Diagnostic("TF1101").WithLocation(0).WithArguments("'WriteTo.File(...)'", "a file sink"),
            Diagnostic("TF1101").WithLocation(1).WithArguments("'File.AppendAllText'", "'app.log'"),
            Diagnostic("TF1101").WithLocation(2).WithArguments("'File.AppendAllText'", "'log-0.txt'"),
            Diagnostic("TF1101").WithLocation(3).WithArguments("'new StreamWriter'", "'logs/trace.log'"),
            Diagnostic("TF1101").WithLocation(4).WithArguments("'new FileTarget'", "a file target")).RunAsync();
    }

    [Fact]
    public async Task A_file_sink_in_a_fluent_chain_is_reported_at_the_call_not_at_the_start_of_the_statement()
    {
        await new ServiceTest("worker").WithLibraries().WithSource("""
            using Serilog;

            static class Logging
            {
                static LoggerConfiguration Configure() =>
                    new LoggerConfiguration()
                        .WriteTo.Console()
                        .WriteTo.{|#0:File("logs/app.txt")|};
            }
            """).Expecting(
            Diagnostic("TF1101").WithLocation(0).WithArguments("'WriteTo.File(...)'", "a file sink")).RunAsync();
    }
}
