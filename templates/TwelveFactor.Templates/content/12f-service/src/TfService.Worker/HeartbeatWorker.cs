namespace TfService.Worker;

/// <summary>The background work of a service without a backing service: replace it with yours.</summary>
public sealed class HeartbeatWorker(WorkerSettings settings, ILogger<HeartbeatWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(settings.PollInterval);
        try
        {
            do
            {
                logger.LogInformation("Worker {WorkerId} is alive", settings.WorkerId);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException)
        {
            // Stopping: nothing in hand to finish or give back.
        }
        logger.LogInformation("Worker {WorkerId} stopped", settings.WorkerId);
    }
}
