using static TwelveFactor.Sdk.Analyzers.Tests.Verification.ServiceTest;

namespace TwelveFactor.Sdk.Analyzers.Tests;

public class ListenAddressTests
{
    private const string Usings = """
        using System;
        using System.Net;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Hosting;
        using Microsoft.Extensions.Configuration;

        """;

    [Fact]
    public async Task Literal_addresses_and_constant_ports_are_reported()
    {
        await VerifyAsync(Usings + """
            static class Startup
            {
                const string Address = "http://0.0.0.0:8080";
                static void Configure(WebApplicationBuilder builder, WebApplication app)
                {
                    builder.WebHost.UseUrls({|#0:"http://localhost:5000"|});
                    app.Urls.Add({|#1:Address|});
                    builder.WebHost.ConfigureKestrel(k => k.ListenAnyIP({|#2:5001|}));
                    builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, {|#3:5002|}));
                    builder.WebHost.UseSetting("urls", {|#4:"http://*:5003"|});
                    app.Run({|#5:"http://localhost:5004"|});
                }
            }
            """,
            expected: new[]
            {
                Diagnostic("TF0702").WithLocation(0).WithArguments("The call 'UseUrls'", "http://localhost:5000"),
                Diagnostic("TF0702").WithLocation(1).WithArguments("The call 'app.Urls.Add'", "http://0.0.0.0:8080"),
                Diagnostic("TF0702").WithLocation(2).WithArguments("The call 'ListenAnyIP'", "*:5001"),
                Diagnostic("TF0702").WithLocation(3).WithArguments("The call 'Listen'", "IPAddress.Loopback:5002"),
                Diagnostic("TF0702").WithLocation(4).WithArguments("The call 'UseSetting(\"urls\")'", "http://*:5003"),
                Diagnostic("TF0702").WithLocation(5).WithArguments("The call 'app.Run'", "http://localhost:5004"),
            });
    }

    [Fact]
    public async Task Addresses_from_configuration_or_the_environment_are_not_reported()
    {
        await VerifyAsync(Usings + """
            static class Startup
            {
                static void Configure(WebApplicationBuilder builder, WebApplication app, IConfiguration configuration)
                {
                    var port = Environment.GetEnvironmentVariable("PORT") ?? "8080";
                    builder.WebHost.UseUrls("http://*:" + port);
                    app.Urls.Add($"http://0.0.0.0:{port}");
                    builder.WebHost.UseUrls(configuration["urls"]!);
                    builder.WebHost.ConfigureKestrel(k => k.ListenAnyIP(int.Parse(port)));
                    app.Run();
                }
            }
            """);
    }
}
