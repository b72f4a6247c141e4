using static TwelveFactor.Sdk.Analyzers.Tests.AnalyzerRun;

namespace TwelveFactor.Sdk.Analyzers.Tests;

public class CredentialTests
{
    private static string Code(string body) => Stubs.Libraries + """

        namespace Service
        {
            using System;
            using System.Collections.Generic;
            using System.Net.Http;
            using Microsoft.EntityFrameworkCore;
            using Microsoft.Extensions.Configuration;
            using Npgsql;
            using StackExchange.Redis;

            static class Data
            {
                static void Configure(DbContextOptionsBuilder options, IConfiguration configuration, IConfigurationBuilder builder, HttpClient http)
                {
        """ + body + """

                }
            }
        }
        """;

    [Fact]
    public void A_literal_password_is_TF0303_and_the_literal_address_TF0401_without_echoing_the_secret()
    {
        var diagnostics = Analyze(Code("""
                    var connection = new NpgsqlConnection("Host=db.prod.internal;Username=app;Password=s3cr3t!");
            """));

        Assert.Equal(new[] { "TF0303", "TF0401" }, diagnostics.Select(d => d.Id).OrderBy(id => id));
        var secret = diagnostics.Single(d => d.Id == "TF0303");
        Assert.StartsWith("A secret (password) is written in 'Program.cs': a string literal passed to NpgsqlConnection.", secret.GetMessage());
        Assert.DoesNotContain("s3cr3t", secret.GetMessage());
        Assert.DoesNotContain("s3cr3t", secret.Properties[TwelveFactor.Sdk.Engine.AnalyzerProperties.Key]);
        Assert.Contains("'db.prod.internal'", diagnostics.Single(d => d.Id == "TF0401").GetMessage());
    }

    [Fact]
    public void Connection_and_client_APIs_and_configuration_written_in_code_are_checked()
    {
        var diagnostics = Analyze(Code("""
                    options.UseNpgsql("Server=db;Database=orders;User Id=app;Password=hunter2");
                    ConnectionMultiplexer.Connect("cache.internal:6379,password=topsecret,ssl=true");
                    http.BaseAddress = new Uri("https://api.partner.example/v1?api_key=abc123def");
                    builder.AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Db"] = "Server=sql01;Password=pw-in-code" });
                    configuration["Redis"] = "redis://:p4ss@cache:6379";
            """));

        // Each of the five lines carries a secret and an address.
        var first = diagnostics.Min(d => d.Location.GetLineSpan().StartLinePosition.Line);
        var expected = Enumerable.Range(0, 5).SelectMany(i => new[] { $"TF0303+{i}", $"TF0401+{i}" });
        Assert.Equal(expected, diagnostics.Select(d => $"{d.Id}+{d.Location.GetLineSpan().StartLinePosition.Line - first}").OrderBy(x => x[^1]).ThenBy(x => x));
    }

    [Fact]
    public void Values_from_configuration_or_the_environment_and_placeholders_are_not_reported()
    {
        var diagnostics = Analyze(Code("""
                    var connection = new NpgsqlConnection(configuration.GetConnectionString("Db"));
                    options.UseNpgsql(Environment.GetEnvironmentVariable("DATABASE_URL")!);
                    ConnectionMultiplexer.Connect(configuration["Redis"]!);
                    var template = new NpgsqlConnection("Host=${DB_HOST};Password=${DB_PASSWORD}");
                    var uri = new Uri("https://learn.microsoft.com/dotnet");
                    var message = "Password=is not a connection string";
            """));

        Assert.Empty(diagnostics);
    }
}
