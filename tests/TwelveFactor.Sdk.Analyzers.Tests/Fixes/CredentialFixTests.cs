using TwelveFactor.Sdk.Analyzers.Fixes;
using TwelveFactor.Sdk.Analyzers.Tests.Verification;
using static TwelveFactor.Sdk.Analyzers.Tests.Verification.ServiceTest;

namespace TwelveFactor.Sdk.Analyzers.Tests.Fixes;

/// <summary>TF0303 and TF0401's fix: the literal becomes a read of a named setting, and the title says what to set.</summary>
public class CredentialFixTests
{
    private static string Data(string parameters, string body) => """
        using System;
        using System.Net.Http;
        using Microsoft.EntityFrameworkCore;
        using Microsoft.Extensions.Configuration;
        using Npgsql;
        using StackExchange.Redis;

        static class Data
        {
            static void Configure(
        """ + parameters + """
        )
            {
        """ + "\n" + body + """

            }
        }
        """;

    [Fact]
    public async Task With_an_IConfiguration_in_scope_each_literal_is_read_from_it_by_a_named_key()
    {
        await new ServiceTest().WithLibraries().WithSource(Data("DbContextOptionsBuilder options, IConfiguration configuration, HttpClient http", """
                    options.UseNpgsql({|TF0303:{|TF0401:"Server=db;Database=orders;User Id=app;Password=hunter2"|}|});
                    ConnectionMultiplexer.Connect({|TF0303:{|TF0401:"cache.internal:6379,password=topsecret,ssl=true"|}|});
                    http.BaseAddress = new Uri({|TF0303:{|TF0401:"https://api.partner.example/v1?api_key=abc123def"|}|});
                    var connection = new NpgsqlConnection("Host=localhost");
                    connection.ConnectionString = {|TF0303:{|TF0401:"Host=db.prod;Password=pw" + "-in-code"|}|};
            """)).WithFixedSource(Data("DbContextOptionsBuilder options, IConfiguration configuration, HttpClient http", """
                    options.UseNpgsql(configuration["ConnectionStrings:Npgsql"] ?? throw new InvalidOperationException("Set ConnectionStrings__Npgsql (configuration 'ConnectionStrings:Npgsql')."));
                    ConnectionMultiplexer.Connect(configuration["ConnectionStrings:Redis"] ?? throw new InvalidOperationException("Set ConnectionStrings__Redis (configuration 'ConnectionStrings:Redis')."));
                    http.BaseAddress = new Uri(configuration["Partner:Url"] ?? throw new InvalidOperationException("Set Partner__Url (configuration 'Partner:Url')."));
                    var connection = new NpgsqlConnection("Host=localhost");
                    connection.ConnectionString = configuration["ConnectionStrings:Npgsql"] ?? throw new InvalidOperationException("Set ConnectionStrings__Npgsql (configuration 'ConnectionStrings:Npgsql').");
            """)).RunAsync();
    }

    [Fact]
    public async Task Without_configuration_the_environment_variable_is_read_and_a_missing_one_stops_the_process_naming_it()
    {
        await new ServiceTest().WithLibraries().WithSource("""
            using Npgsql;

            static class Data
            {
                static NpgsqlConnection Open() => new NpgsqlConnection({|TF0303:{|TF0401:"Host=db.prod.internal;Username=app;Password=s3cr3t!"|}|});
            }
            """).WithFixedSource("""
            using Npgsql;

            static class Data
            {
                static NpgsqlConnection Open() => new NpgsqlConnection(global::System.Environment.GetEnvironmentVariable("ConnectionStrings__Npgsql") ?? throw new global::System.InvalidOperationException("Set the environment variable ConnectionStrings__Npgsql."));
            }
            """).RunAsync();
    }

    [Fact]
    public async Task The_title_names_the_variable_and_for_a_secret_asks_to_rotate_it()
    {
        var secret = new ServiceTest().WithLibraries().WithSource("""
            using Npgsql;

            static class Data
            {
                static NpgsqlConnection Open() => new NpgsqlConnection({|TF0303:{|TF0401:"Host=db;Password=s3cr3t!"|}|});
            }
            """).WithFixedSource("""
            using Npgsql;

            static class Data
            {
                static NpgsqlConnection Open() => new NpgsqlConnection(global::System.Environment.GetEnvironmentVariable("ConnectionStrings__Npgsql") ?? throw new global::System.InvalidOperationException("Set the environment variable ConnectionStrings__Npgsql."));
            }
            """);
        secret.CodeActionEquivalenceKey = CredentialFix.FromConfiguration;
        secret.CodeActionVerifier = (action, verifier) => verifier.True(
            action.Title is "Read the secret from configuration 'ConnectionStrings:Npgsql' (set ConnectionStrings__Npgsql; rotate the credential, it is in the source history)"
                or "Read the address from configuration 'ConnectionStrings:Npgsql' (set ConnectionStrings__Npgsql)",
            "unexpected title: " + action.Title);
        await secret.RunAsync();
    }

    [Fact]
    public async Task Configuration_written_in_code_and_constants_declared_elsewhere_get_no_fix()
    {
        var code = """
            using System.Collections.Generic;
            using Microsoft.Extensions.Configuration;
            using Npgsql;

            static class Data
            {
                const string Connection = "Host=db.prod;Password=pw-in-code";

                static void Configure(IConfigurationBuilder builder, IConfiguration configuration)
                {
                    builder.AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Db"] = {|TF0303:{|TF0401:"Server=sql01;Password=pw-in-code"|}|} });
                    configuration["Redis"] = {|TF0303:{|TF0401:"redis://:p4ss@cache:6379"|}|};
                    var connection = new NpgsqlConnection({|TF0303:{|TF0401:Connection|}|});
                }
            }
            """;
        await new ServiceTest().WithLibraries().WithSource(code).WithFixedSource(code).RunAsync();
    }
}
