using Microsoft.Extensions.Logging.Abstractions;
using TfService.Core.Jobs;

namespace TfService.Tests;

/// <summary>The worker's queue against the real PostgreSQL: a job is taken, done once, and recorded.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class JobQueueTests(TestDatabase database)
{
    [DatabaseFact]
    public async Task A_queued_job_is_done_by_the_worker_queue_and_recorded_with_its_result()
    {
        var store = new JobStore(database.DataSource);
        var job = await store.EnqueueAsync(new JobRequest("queue test " + Guid.NewGuid()), idempotencyKey: null, CancellationToken.None);

        var done = await WorkUntilFinished(database, job.Id);

        Assert.Equal(JobStatus.Done, done.Status);
        Assert.Equal("queue-test", done.ProcessedBy);
        Assert.Equal(64, done.Result?.Length);
    }

    /// <summary>Runs the worker's queue, as JobWorker does, until the job is finished; older queued jobs go first.</summary>
    internal static async Task<Job> WorkUntilFinished(TestDatabase database, long id)
    {
        var store = new JobStore(database.DataSource);
        var queue = new JobQueue(database.DataSource, new JobProcessor(), NullLogger<JobQueue>.Instance);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var job = await store.FindAsync(id, timeout.Token);
            Assert.NotNull(job);
            if (job.IsFinished)
            {
                return job;
            }
            var outcome = await queue.ProcessNextAsync("queue-test", timeout.Token);
            Assert.NotEqual(JobOutcome.NoneQueued, outcome);
        }
    }
}
