#if (postgres)
using TfService.Core.Database;

#endif
namespace TfService.Web;

/// <summary>Liveness and readiness for the platform's probes.</summary>
public static class HealthEndpoints
{
    public static void MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // Alive: the process answers. Never depends on a backing service, or an outage would restart every process.
        endpoints.MapGet("/healthz", () => TypedResults.Ok(new HealthStatus("alive")));

#if (postgres)
        // Ready: the database answers, so requests can be served; the platform holds traffic back until then.
        endpoints.MapGet("/readyz", async Task<IResult> (DatabaseProbe database, CancellationToken cancellationToken) =>
            await database.AnswersAsync(cancellationToken)
                ? TypedResults.Ok(new HealthStatus("ready"))
                : TypedResults.Json(new HealthStatus("database unavailable"), WebJsonContext.Default.HealthStatus, statusCode: StatusCodes.Status503ServiceUnavailable));
#else
        endpoints.MapGet("/readyz", () => TypedResults.Ok(new HealthStatus("ready")));
#endif
    }
}

public sealed record HealthStatus(string Status);
