using static TwelveFactor.Sdk.Analyzers.Tests.AnalyzerRun;

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
    public void Literal_addresses_and_constant_ports_are_reported()
    {
        var diagnostics = Analyze(Usings + """
            static class Startup
            {
                const string Address = "http://0.0.0.0:8080";
                static void Configure(WebApplicationBuilder builder, WebApplication app)
                {
                    builder.WebHost.UseUrls("http://localhost:5000");
                    app.Urls.Add(Address);
                    builder.WebHost.ConfigureKestrel(k => k.ListenAnyIP(5001));
                    builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 5002));
                    builder.WebHost.UseSetting("urls", "http://*:5003");
                    app.Run("http://localhost:5004");
                }
            }
            """);

        Assert.Equal(new[] { "TF0702@11", "TF0702@12", "TF0702@13", "TF0702@14", "TF0702@15", "TF0702@16" }, IdsAndLines(diagnostics));
        Assert.Contains("'http://localhost:5000'", diagnostics[0].GetMessage());
        Assert.Contains("'*:5001'", diagnostics[2].GetMessage());
        Assert.Contains("'IPAddress.Loopback:5002'", diagnostics[3].GetMessage());
    }

    [Fact]
    public void Addresses_from_configuration_or_the_environment_are_not_reported()
    {
        var diagnostics = Analyze(Usings + """
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

        Assert.Empty(diagnostics);
    }
}
