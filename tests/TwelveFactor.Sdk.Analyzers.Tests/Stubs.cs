namespace TwelveFactor.Sdk.Analyzers.Tests;

/// <summary>
/// The few types of third-party libraries the rules recognise (EF Core, Npgsql, StackExchange.Redis, Serilog,
/// NLog, a file logging provider), declared with their real names and namespaces so that tests need no packages.
/// </summary>
internal static class Stubs
{
    public const string Libraries = """
        namespace Microsoft.EntityFrameworkCore
        {
            public class DbContext : System.IDisposable { public Infrastructure.DatabaseFacade Database { get; } = new(); public void Dispose() { } }
            public class DbContextOptionsBuilder { }
            public static class RelationalDatabaseFacadeExtensions
            {
                public static void Migrate(this Infrastructure.DatabaseFacade database) { }
                public static System.Threading.Tasks.Task MigrateAsync(this Infrastructure.DatabaseFacade database) => System.Threading.Tasks.Task.CompletedTask;
            }
            public static class NpgsqlDbContextOptionsBuilderExtensions
            {
                public static DbContextOptionsBuilder UseNpgsql(this DbContextOptionsBuilder builder, string connectionString) => builder;
            }
        }
        namespace Microsoft.EntityFrameworkCore.Infrastructure
        {
            public class DatabaseFacade { public bool EnsureCreated() => true; }
        }
        namespace Npgsql
        {
            public class NpgsqlConnection { public NpgsqlConnection(string connectionString) { } public string ConnectionString { get; set; } = ""; }
        }
        namespace StackExchange.Redis
        {
            public class ConnectionMultiplexer { public static ConnectionMultiplexer Connect(string configuration) => new(); }
        }
        namespace Microsoft.Extensions.DependencyInjection
        {
            public static class StackExchangeRedisCacheServiceCollectionExtensions
            {
                public static IServiceCollection AddStackExchangeRedisCache(this IServiceCollection services, System.Action<object> setup) => services;
            }
        }
        namespace Serilog
        {
            public class LoggerConfiguration { public Configuration.LoggerSinkConfiguration WriteTo { get; } = new(); }
            public static class SinkExtensions
            {
                public static LoggerConfiguration File(this Configuration.LoggerSinkConfiguration sink, string path,
                    Events.LogEventLevel restrictedToMinimumLevel = Events.LogEventLevel.Verbose, string outputTemplate = "{Message}", long? fileSizeLimitBytes = null) => new();
                public static LoggerConfiguration File(this Configuration.LoggerSinkConfiguration sink, Formatting.ITextFormatter formatter, string path,
                    Events.LogEventLevel restrictedToMinimumLevel = Events.LogEventLevel.Verbose) => new();
                public static LoggerConfiguration Console(this Configuration.LoggerSinkConfiguration sink) => new();
                public static LoggerConfiguration Console(this Configuration.LoggerSinkConfiguration sink, Formatting.ITextFormatter formatter,
                    Events.LogEventLevel restrictedToMinimumLevel = Events.LogEventLevel.Verbose) => new();
            }
        }
        namespace Serilog.Configuration { public class LoggerSinkConfiguration { } }
        namespace Serilog.Events { public enum LogEventLevel { Verbose, Debug, Information, Warning, Error, Fatal } }
        namespace Serilog.Formatting { public interface ITextFormatter { } }
        namespace Serilog.Formatting.Json { public class JsonFormatter : ITextFormatter { } }
        namespace Serilog.Formatting.Compact { public class CompactJsonFormatter : ITextFormatter { } }
        namespace Microsoft.Extensions.Logging
        {
            public static class FileLoggerExtensions { public static ILoggingBuilder AddFile(this ILoggingBuilder builder, string pathFormat) => builder; }
        }
        namespace NLog.Targets { public class FileTarget { public string FileName { get; set; } = ""; } public class ConsoleTarget { } }
        """;
}
