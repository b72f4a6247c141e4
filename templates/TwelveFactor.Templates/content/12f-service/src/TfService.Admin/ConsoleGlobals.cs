using Microsoft.Extensions.DependencyInjection;
#if (postgres)
using Npgsql;
using TfService.Core.Jobs;
#endif

namespace TfService.Admin;

/// <summary>
/// What code typed into the console sees by name: the services this release configures from the environment,
/// as the other commands get them. For example <c>(await Jobs.StatsAsync(Cancellation)).Queued</c>.
/// </summary>
public sealed class ConsoleGlobals(IServiceProvider services, CancellationToken cancellation)
{
    /// <summary>Every service the admin process registers.</summary>
    public IServiceProvider Services { get; } = services;

    /// <summary>Cancelled by Ctrl+C or SIGTERM: pass it to anything that waits.</summary>
    public CancellationToken Cancellation { get; } = cancellation;

    /// <summary>The variables the service reads, as <c>config</c> prints them (credentials hidden).</summary>
    public IReadOnlyDictionary<string, string?> Settings => ConfigDescription.Current();
#if (postgres)

    /// <summary>The pooled PostgreSQL data source that <c>DATABASE_URL</c> names.</summary>
    public NpgsqlDataSource Database => Services.GetRequiredService<NpgsqlDataSource>();

    /// <summary>The job store the web process records jobs in and the workers take them from.</summary>
    public JobStore Jobs => Services.GetRequiredService<JobStore>();
#endif
}
