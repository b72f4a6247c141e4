using static TwelveFactor.Sdk.Analyzers.Tests.Verification.ServiceTest;

namespace TwelveFactor.Sdk.Analyzers.Tests.Fixes;

/// <summary>TF0902's fix: the loop stops when its token is cancelled and passes the token on.</summary>
public class ShutdownFixTests
{
    private static string Worker(string body) => """
        using System;
        using System.Net.Http;
        using System.Threading;
        using System.Threading.Channels;
        using System.Threading.Tasks;
        using Microsoft.Extensions.Hosting;

        sealed class Poller : BackgroundService
        {
            private readonly HttpClient _http = new();
            private readonly Channel<string> _jobs = Channel.CreateUnbounded<string>();

            protected override async Task ExecuteAsync(CancellationToken stoppingToken)
            {
        """ + "\n" + body + """

            }

            private static bool Ready() => true;
        }
        """;

    [Fact]
    public async Task Each_loop_checks_the_token_and_passes_it_to_calls_that_take_one()
    {
        await VerifyFixAsync(Worker("""
                    {|TF0902:while|} (true)
                    {
                        await Task.Delay(1000);
                        var page = await _http.GetStringAsync("https://example.org/");
                        var job = await _jobs.Reader.ReadAsync();
                        Func<Task> later = () => Task.Delay(5);
                    }

                    {|TF0902:while|} (Ready() || _jobs.Reader.Count > 0)
                    {
                        await Task.Delay(TimeSpan.FromSeconds(1));
                    }

                    {|TF0902:for|} (;;)
                    {
                        await Task.Delay(10);
                    }

                    {|TF0902:do|}
                    {
                        await Task.Yield();
                    }
                    while (Ready());
            """), Worker("""
                    while (!stoppingToken.IsCancellationRequested)
                    {
                        await Task.Delay(1000, stoppingToken);
                        var page = await _http.GetStringAsync("https://example.org/", stoppingToken);
                        var job = await _jobs.Reader.ReadAsync(stoppingToken);
                        Func<Task> later = () => Task.Delay(5);
                    }

                    while ((Ready() || _jobs.Reader.Count > 0) && !stoppingToken.IsCancellationRequested)
                    {
                        await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
                    }

                    for (; !stoppingToken.IsCancellationRequested;)
                    {
                        await Task.Delay(10, stoppingToken);
                    }

                    do
                    {
                        await Task.Yield();
                    }
                    while (Ready() && !stoppingToken.IsCancellationRequested);
            """), processType: "worker");
    }

    [Fact]
    public async Task A_zero_shutdown_timeout_gets_no_fix()
    {
        var code = """
            using System;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.Hosting;

            static class Startup
            {
                static void Configure(IServiceCollection services) =>
                    services.Configure<HostOptions>(o => {|TF0902:o.ShutdownTimeout = TimeSpan.Zero|});
            }
            """;
        await VerifyFixAsync(code, code, processType: "worker");
    }
}
