using Microsoft.AspNetCore.Http.HttpResults;
using TfService.Core.Jobs;

namespace TfService.Web;

/// <summary>The web process accepts work and records it; the worker process carries it out (factor VIII).</summary>
public static class JobEndpoints
{
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    public static void MapJobEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var jobs = endpoints.MapGroup("/jobs");

        jobs.MapPost("/", async Task<Results<Accepted<Job>, BadRequest<ProblemResponse>>> (
            JobRequest request, HttpRequest http, JobStore store, CancellationToken cancellationToken) =>
        {
            if (request.Problem is { } problem)
            {
                return TypedResults.BadRequest(new ProblemResponse(problem));
            }
            var key = http.Headers["Idempotency-Key"].FirstOrDefault();
            var job = await store.EnqueueAsync(request, key, cancellationToken);
            return TypedResults.Accepted($"/jobs/{job.Id}", job);
        });

        // ?waitSeconds=N holds the request until the job is finished or N seconds (at most 30) have passed.
        // A request in flight when SIGTERM arrives still completes: the server drains before it exits.
        jobs.MapGet("/{id:long}", async Task<Results<Ok<Job>, NotFound>> (
            long id, double? waitSeconds, JobStore store, CancellationToken cancellationToken) =>
        {
            var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(Math.Clamp(waitSeconds ?? 0, 0, MaxWait.TotalSeconds));
            var job = await store.FindAsync(id, cancellationToken);
            while (job is { IsFinished: false } && DateTimeOffset.UtcNow < deadline)
            {
                await Task.Delay(PollInterval, cancellationToken);
                job = await store.FindAsync(id, cancellationToken);
            }
            return job is null ? TypedResults.NotFound() : TypedResults.Ok(job);
        });
    }
}

public sealed record ProblemResponse(string Error);
