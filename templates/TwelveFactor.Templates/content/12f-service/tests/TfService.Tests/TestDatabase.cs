using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using TfService.Core.Database;

namespace TfService.Tests;

/// <summary>
/// The PostgreSQL that DATABASE_URL names, migrated once per test run. Integration tests use it as the processes
/// do: the same URL, the same schema, the same queue. Point it at a throw-away database: tests add jobs to it.
/// </summary>
public sealed class TestDatabase : IAsyncLifetime
{
    public const string Variable = DatabaseSettings.UrlVariable;

    public static string? Url => Environment.GetEnvironmentVariable(Variable);

    public NpgsqlDataSource DataSource { get; } = NpgsqlDataSource.Create(DatabaseUrl.ToConnectionString(Url ?? "postgres://unset/unset"));

    public async Task InitializeAsync()
    {
        if (Url is not null)
        {
            await new SchemaMigrator(DataSource, NullLogger<SchemaMigrator>.Instance).ApplyAsync(CancellationToken.None);
        }
    }

    public async Task DisposeAsync() => await DataSource.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class DatabaseCollection : ICollectionFixture<TestDatabase>
{
    public const string Name = "database";
}

/// <summary>A test that needs the PostgreSQL named by DATABASE_URL: skipped, with the reason, when it is not set.</summary>
public sealed class DatabaseFactAttribute : FactAttribute
{
    public DatabaseFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(TestDatabase.Url))
        {
            Skip = $"{TestDatabase.Variable} is not set: set it to a throw-away PostgreSQL database (postgres://user:password@host:port/database) to run the integration tests";
        }
    }
}
