using Microsoft.Extensions.Logging;
using Npgsql;

namespace TfService.Core.Jobs;

public enum JobOutcome
{
    NoneQueued,
    Completed,
    Failed,
    HandedBack,
}

/// <summary>
/// Takes one job at a time from PostgreSQL. The job's row stays locked (FOR UPDATE SKIP LOCKED) inside a
/// transaction while it is processed: other workers skip it, and its result is committed together with its new
/// status. If the worker is stopped the transaction rolls back and the job is queued again (handed back); if the
/// process dies, PostgreSQL rolls back when the connection drops. Either way no job is lost or done twice.
/// </summary>
public sealed class JobQueue(NpgsqlDataSource dataSource, JobProcessor processor, ILogger<JobQueue> logger)
{
    public async Task<JobOutcome> ProcessNextAsync(string workerId, CancellationToken stoppingToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
        await using var transaction = await connection.BeginTransactionAsync(stoppingToken);

        Job? job;
        await using (var claim = new NpgsqlCommand($"""
            SELECT {JobStore.Columns} FROM jobs
            WHERE status = 'queued'
            ORDER BY id
            FOR UPDATE SKIP LOCKED
            LIMIT 1
            """, connection, transaction))
        await using (var reader = await claim.ExecuteReaderAsync(stoppingToken))
        {
            job = await reader.ReadAsync(stoppingToken) ? JobStore.Read(reader) : null;
        }
        if (job is null)
        {
            await transaction.RollbackAsync(CancellationToken.None);
            return JobOutcome.NoneQueued;
        }

        using var scope = logger.BeginScope(new Dictionary<string, object> { ["JobId"] = job.Id });
        logger.LogInformation("Job {JobId} started by {WorkerId}", job.Id, workerId);

        string status, column, value;
        try
        {
            (status, column, value) = (JobStatus.Done, "result", await processor.ProcessAsync(job, stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            await transaction.RollbackAsync(CancellationToken.None);
            logger.LogInformation("Job {JobId} handed back by {WorkerId}: the worker is stopping", job.Id, workerId);
            return JobOutcome.HandedBack;
        }
        catch (Exception e)
        {
            (status, column, value) = (JobStatus.Failed, "error", e.Message);
            logger.LogError(e, "Job {JobId} failed", job.Id);
        }

        // Past this point the job is finished: record it even if a stop was requested meanwhile.
        await using (var finish = new NpgsqlCommand($"""
            UPDATE jobs SET status = @status, {column} = @value, processed_by = @worker, completed_at = clock_timestamp()
            WHERE id = @id AND status = 'queued'
            """, connection, transaction))
        {
            finish.Parameters.AddWithValue("status", status);
            finish.Parameters.AddWithValue("value", value);
            finish.Parameters.AddWithValue("worker", workerId);
            finish.Parameters.AddWithValue("id", job.Id);
            await finish.ExecuteNonQueryAsync(CancellationToken.None);
        }
        await transaction.CommitAsync(CancellationToken.None);

        if (status == JobStatus.Done)
        {
            logger.LogInformation("Job {JobId} completed by {WorkerId}", job.Id, workerId);
            return JobOutcome.Completed;
        }
        return JobOutcome.Failed;
    }
}
