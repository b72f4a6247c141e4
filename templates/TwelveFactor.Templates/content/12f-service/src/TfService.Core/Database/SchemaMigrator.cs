using Microsoft.Extensions.Logging;
using Npgsql;

namespace TfService.Core.Database;

/// <summary>
/// Applies the migrations not yet recorded in schema_migrations, in one transaction under an advisory lock, so
/// two admin processes started at once cannot both apply a migration.
/// </summary>
public sealed class SchemaMigrator(NpgsqlDataSource dataSource, ILogger<SchemaMigrator> logger)
{
    private const long AdvisoryLockKey = 0x7466_7363_6865_6d61; // "tfschema"

    public async Task<int> ApplyAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await Execute(connection, "SELECT pg_advisory_xact_lock(@key)", cancellationToken, ("key", AdvisoryLockKey));
        await Execute(connection, """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version integer PRIMARY KEY,
                description text NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now())
            """, cancellationToken);

        var applied = new HashSet<int>();
        await using (var command = new NpgsqlCommand("SELECT version FROM schema_migrations", connection))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                applied.Add(reader.GetInt32(0));
            }
        }

        var count = 0;
        foreach (var migration in Schema.Migrations.Where(m => !applied.Contains(m.Version)).OrderBy(m => m.Version))
        {
            await Execute(connection, migration.Sql, cancellationToken);
            await Execute(connection, "INSERT INTO schema_migrations (version, description) VALUES (@version, @description)",
                cancellationToken, ("version", migration.Version), ("description", migration.Description));
            logger.LogInformation("Applied migration {Version}: {Description}", migration.Version, migration.Description);
            count++;
        }
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Schema is at version {Version}; {Count} migration(s) applied", Schema.Migrations.Max(m => m.Version), count);
        return count;
    }

    private static async Task Execute(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
