using TwelveFactor.Sdk.Analyzers.Tests.Verification;
using TwelveFactor.Sdk.Policy;
using static TwelveFactor.Sdk.Analyzers.Tests.Verification.ServiceTest;

namespace TwelveFactor.Sdk.Analyzers.Tests;

public class CredentialTests
{
    private static string Code(string body) => """
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
    public async Task A_literal_password_is_TF0303_and_the_literal_address_TF0401_without_echoing_the_secret()
    {
        var test = new ServiceTest().WithLibraries().WithSource(Code("""
                    var connection = new NpgsqlConnection({|#0:"Host=db.prod.internal;Username=app;Password=s3cr3t!"|});
            """)).Expecting(
            Diagnostic("TF0303").WithLocation(0).WithArguments("password", "Program.cs", "a string literal passed to NpgsqlConnection"),
            Diagnostic("TF0401").WithLocation(0).WithArguments("The address passed to NpgsqlConnection", "db.prod.internal"));

        await test.RunAsync();

        var secret = test.Reported.First(d => d.Id == "TF0303");
        Assert.DoesNotContain("s3cr3t", secret.GetMessage());
        Assert.DoesNotContain("s3cr3t", secret.Properties[AnalyzerProperties.Key]);
    }

    [Theory]
    [InlineData("Host=db.prod.internal;Username=app;Password=\\\"Zq7x;Server=leak.example\\\"", "db.prod.internal")]
    [InlineData("postgres://app:Zq7x@leak.example@db.prod.internal:5432/orders", "db.prod.internal:5432")]
    public async Task A_password_is_read_as_its_driver_reads_it_and_no_part_of_it_becomes_the_address(string connectionString, string address)
    {
        var test = new ServiceTest().WithLibraries().WithSource(Code($$"""
                    var connection = new NpgsqlConnection({|#0:"{{connectionString}}"|});
            """)).Expecting(
            Diagnostic("TF0303").WithLocation(0).WithArguments("password", "Program.cs", "a string literal passed to NpgsqlConnection"),
            Diagnostic("TF0401").WithLocation(0).WithArguments("The address passed to NpgsqlConnection", address));

        await test.RunAsync();

        foreach (var diagnostic in test.Reported)
        {
            Assert.DoesNotContain("leak", diagnostic.GetMessage());
            Assert.DoesNotContain("Zq7x", diagnostic.Properties[AnalyzerProperties.Key]);
        }
    }

    [Fact]
    public async Task Connection_and_client_APIs_and_configuration_written_in_code_are_checked()
    {
        // Each of the five lines carries a secret and an address, both reported at the literal.
        await new ServiceTest().WithLibraries().WithSource(Code("""
                    options.UseNpgsql({|TF0303:{|TF0401:"Server=db;Database=orders;User Id=app;Password=hunter2"|}|});
                    ConnectionMultiplexer.Connect({|TF0303:{|TF0401:"cache.internal:6379,password=topsecret,ssl=true"|}|});
                    http.BaseAddress = new Uri({|TF0303:{|TF0401:"https://api.partner.example/v1?api_key=abc123def"|}|});
                    builder.AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Db"] = {|TF0303:{|TF0401:"Server=sql01;Password=pw-in-code"|}|} });
                    configuration["Redis"] = {|TF0303:{|TF0401:"redis://:p4ss@cache:6379"|}|};
            """)).RunAsync();
    }

    [Fact]
    public async Task Values_from_configuration_or_the_environment_and_placeholders_are_not_reported()
    {
        await new ServiceTest().WithLibraries().WithSource(Code("""
                    var connection = new NpgsqlConnection(configuration.GetConnectionString("Db"));
                    options.UseNpgsql(Environment.GetEnvironmentVariable("DATABASE_URL")!);
                    ConnectionMultiplexer.Connect(configuration["Redis"]!);
                    var template = new NpgsqlConnection("Host=${DB_HOST};Password=${DB_PASSWORD}");
                    var uri = new Uri("https://learn.microsoft.com/dotnet");
                    var message = "Password=is not a connection string";
            """)).RunAsync();
    }
}
