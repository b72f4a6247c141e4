using TwelveFactor.Sdk.Analyzers.Fixes;
using static TwelveFactor.Sdk.Analyzers.Tests.Verification.ServiceTest;

namespace TwelveFactor.Sdk.Analyzers.Tests.Fixes;

/// <summary>TF0702's fixes: the port from PORT (the literal's port as its default), or the address removed.</summary>
public class ListenAddressFixTests
{
    private const string Usings = """
        using System;
        using System.Net;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Hosting;

        """;

    private static string Startup(string body) => Usings + """
        static class Startup
        {
            static void Configure(WebApplicationBuilder builder, WebApplication app)
            {
        """ + "\n" + body + """

            }
        }
        """;

    [Fact]
    public async Task Each_address_and_port_is_bound_from_PORT_with_the_literal_port_as_default()
    {
        await VerifyFixAsync(Startup("""
                    builder.WebHost.UseUrls({|TF0702:"http://0.0.0.0:5000"|});
                    app.Urls.Add({|TF0702:"http://[::]:8080/"|});
                    builder.WebHost.UseSetting("urls", {|TF0702:"https://*:5003"|});
                    builder.WebHost.ConfigureKestrel(k => k.ListenAnyIP({|TF0702:5001|}));
                    builder.WebHost.ConfigureKestrel(k => k.Listen({|TF0702:new IPEndPoint(IPAddress.Any, 5002)|}));
                    app.Run({|TF0702:"http://localhost:5004"|});
            """), Startup("""
                    builder.WebHost.UseUrls($"http://0.0.0.0:{(Environment.GetEnvironmentVariable("PORT") ?? "5000")}");
                    app.Urls.Add($"http://[::]:{(Environment.GetEnvironmentVariable("PORT") ?? "8080")}");
                    builder.WebHost.UseSetting("urls", $"https://*:{(Environment.GetEnvironmentVariable("PORT") ?? "5003")}");
                    builder.WebHost.ConfigureKestrel(k => k.ListenAnyIP(int.Parse(Environment.GetEnvironmentVariable("PORT") ?? "5001")));
                    builder.WebHost.ConfigureKestrel(k => k.Listen(new IPEndPoint(IPAddress.Any, int.Parse(Environment.GetEnvironmentVariable("PORT") ?? "5002"))));
                    app.Run($"http://localhost:{(Environment.GetEnvironmentVariable("PORT") ?? "5004")}");
            """), equivalenceKey: ListenAddressFix.FromPort);
    }

    [Fact]
    public async Task Removing_the_address_drops_the_statement_the_call_in_a_chain_or_the_argument_of_Run()
    {
        await VerifyFixAsync(Startup("""
                    builder.WebHost.UseUrls({|TF0702:"http://localhost:5000;https://localhost:5001"|});
                    builder.WebHost.UseSetting("urls", {|TF0702:"http://*:5003"|}).UseShutdownTimeout(TimeSpan.FromSeconds(20));
                    app.Urls.Add({|TF0702:"http://*:80"|});
                    app.Run({|TF0702:"http://localhost:5004"|});
            """), Startup("""
                    builder.WebHost.UseShutdownTimeout(TimeSpan.FromSeconds(20));
                    app.Run();
            """), equivalenceKey: ListenAddressFix.Remove);
    }

    [Fact]
    public async Task An_address_list_is_not_rewritten_to_one_port()
    {
        // Only the removal is offered: asking for the PORT fix changes nothing.
        var code = Startup("""
                    builder.WebHost.UseUrls({|TF0702:"http://localhost:5000;https://localhost:5001"|});
            """);
        await VerifyFixAsync(code, code, equivalenceKey: ListenAddressFix.FromPort,
            expected: Array.Empty<Microsoft.CodeAnalysis.Testing.DiagnosticResult>());
    }
}
