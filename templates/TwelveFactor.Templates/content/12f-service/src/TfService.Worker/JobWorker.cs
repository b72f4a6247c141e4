using Npgsql;
using TfService.Core.Jobs;

namespace TfService.Worker;

/// <summary>
/// Takes queued jobs one at a time until told to stop. Run as many workers as the queue needs: SKIP LOCKED keeps
/// them off each other's jobs. A database outage is waited out, not fatal.
/// </summary>
public sealed class JobWorker(JobQueue queue, WorkerSettings settings, ILogger<JobWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        logger.LogInformation("Worker {WorkerId} polling every {PollInterval}", settings.WorkerId, settings.PollInterval);
        while (!stoppingToken.IsCancellationRequested)
        {
            JobOutcome outcome;
            try
            {
                outcome = await queue.ProcessNextAsync(settings.WorkerId, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (NpgsqlException e)
            {
                logger.LogWarning("Database unavailable, retrying in {PollInterval}: {Reason}", settings.PollInterval, e.Message);
                outcome = JobOutcome.NoneQueued;
            }

            if (outcome is JobOutcome.NoneQueued)
            {
                try
                {
                    await Task.Delay(settings.PollInterval, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
        logger.LogInformation("Worker {WorkerId} stopped", settings.WorkerId);
    }
}
