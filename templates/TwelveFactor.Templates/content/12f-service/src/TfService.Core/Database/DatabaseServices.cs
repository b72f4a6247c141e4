using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using TfService.Core.Jobs;

namespace TfService.Core.Database;

public static class DatabaseServices
{
    /// <summary>
    /// One pooled data source per process. Nothing connects at start-up: a process starts while the database is
    /// down, reports not-ready, and recovers when it is back.
    /// </summary>
    public static IServiceCollection AddDatabase(this IServiceCollection services, DatabaseSettings settings)
    {
        services.AddSingleton(provider => new NpgsqlDataSourceBuilder(settings.ConnectionString)
            .UseLoggerFactory(provider.GetService<Microsoft.Extensions.Logging.ILoggerFactory>())
            .Build());
        services.AddSingleton<DatabaseProbe>();
        services.AddSingleton<JobStore>();
        return services;
    }
}
