using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace TfService.Core.Logging;

/// <summary>
/// Factor XI: logs are an event stream. Every process writes one JSON object per event to stdout and nothing
/// else; the platform collects, routes and stores the stream. Levels come from the environment, for example
/// Logging__LogLevel__Default=Debug.
/// </summary>
public static class ServiceLogging
{
    public static ILoggingBuilder AddServiceLogging(this ILoggingBuilder logging)
    {
        logging.ClearProviders();
        logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        logging.AddFilter("Npgsql", LogLevel.Warning);
        logging.AddJsonConsole(options =>
        {
            options.IncludeScopes = true;
            options.UseUtcTimestamp = true;
            options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            options.JsonWriterOptions = new JsonWriterOptions { Indented = false };
        });
        return logging;
    }
}
