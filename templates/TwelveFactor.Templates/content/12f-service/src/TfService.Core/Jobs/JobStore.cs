using Npgsql;

namespace TfService.Core.Jobs;

/// <summary>Records jobs and reads them back. State lives in PostgreSQL, never in the process (factor VI).</summary>
public sealed class JobStore(NpgsqlDataSource dataSource)
{
    internal const string Columns = "id, payload, work_ms, status, result, error, processed_by, created_at, completed_at";

    /// <summary>
    /// Records a job. A client that retries with the same idempotency key gets the job it already created,
    /// not a second one.
    /// </summary>
    public async Task<Job> EnqueueAsync(JobRequest request, string? idempotencyKey, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            WITH inserted AS (
                INSERT INTO jobs (payload, work_ms, idempotency_key) VALUES (@payload, @workMs, @key)
                ON CONFLICT (idempotency_key) DO NOTHING
                RETURNING {Columns})
            SELECT {Columns} FROM inserted
            UNION ALL
            SELECT {Columns} FROM jobs WHERE idempotency_key = @key
            LIMIT 1
            """);
        command.Parameters.AddWithValue("payload", request.Payload);
        command.Parameters.AddWithValue("workMs", request.WorkMs);
        command.Parameters.AddWithValue("key", (object?)idempotencyKey ?? DBNull.Value);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return Read(reader);
    }

    public async Task<Job?> FindAsync(long id, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT {Columns} FROM jobs WHERE id = @id");
        command.Parameters.AddWithValue("id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    public async Task<JobStats> StatsAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT count(*) FILTER (WHERE status = 'queued'),
                   count(*) FILTER (WHERE status = 'done'),
                   count(*) FILTER (WHERE status = 'failed'),
                   min(created_at) FILTER (WHERE status = 'queued')
            FROM jobs
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new JobStats(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2),
            reader.IsDBNull(3) ? null : reader.GetFieldValue<DateTimeOffset>(3));
    }

    /// <summary>How long a finished job stays readable by GET /jobs/{id} before the nightly purge deletes it.</summary>
    public static readonly TimeSpan FinishedJobRetention = TimeSpan.FromDays(7);

    /// <summary>Deletes done and failed jobs completed before the retention; queued jobs are never touched. The count deleted.</summary>
    public async Task<int> PurgeFinishedAsync(TimeSpan retention, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "DELETE FROM jobs WHERE status IN ('done', 'failed') AND completed_at < now() - @retention");
        command.Parameters.AddWithValue("retention", retention);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    internal static Job Read(NpgsqlDataReader reader) => new(
        reader.GetInt64(0),
        reader.GetString(1),
        reader.GetInt32(2),
        reader.GetString(3),
        reader.IsDBNull(4) ? null : reader.GetString(4),
        reader.IsDBNull(5) ? null : reader.GetString(5),
        reader.IsDBNull(6) ? null : reader.GetString(6),
        reader.GetFieldValue<DateTimeOffset>(7),
        reader.IsDBNull(8) ? null : reader.GetFieldValue<DateTimeOffset>(8));
}
