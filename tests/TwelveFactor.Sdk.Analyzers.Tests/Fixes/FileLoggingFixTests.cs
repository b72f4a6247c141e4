using TwelveFactor.Sdk.Analyzers.Tests.Verification;
using static TwelveFactor.Sdk.Analyzers.Tests.Verification.ServiceTest;

namespace TwelveFactor.Sdk.Analyzers.Tests.Fixes;

/// <summary>TF1101's fix: file sinks in a logging chain become the console, as JSON.</summary>
public class FileLoggingFixTests
{
    [Fact]
    public async Task Serilog_file_sinks_become_the_JSON_console_sink_keeping_the_level_and_a_formatter()
    {
        await new ServiceTest("worker").WithLibraries().WithSource("""
            using Serilog;
            using Serilog.Events;
            using Serilog.Formatting.Compact;

            static class Logging
            {
                static void Configure(LoggerConfiguration logs)
                {
                    {|TF1101:logs.WriteTo.File("logs/app.txt")|};
                    {|TF1101:logs.WriteTo.File("logs/app.txt", restrictedToMinimumLevel: LogEventLevel.Warning, outputTemplate: "{Message}{NewLine}")|};
                    {|TF1101:logs.WriteTo.File(new CompactJsonFormatter(), "logs/app.json", LogEventLevel.Debug)|};
                }
            }
            """).WithFixedSource("""
            using Serilog;
            using Serilog.Events;
            using Serilog.Formatting.Compact;

            static class Logging
            {
                static void Configure(LoggerConfiguration logs)
                {
                    logs.WriteTo.Console(formatter: new global::Serilog.Formatting.Json.JsonFormatter());
                    logs.WriteTo.Console(formatter: new global::Serilog.Formatting.Json.JsonFormatter(), restrictedToMinimumLevel: LogEventLevel.Warning);
                    logs.WriteTo.Console(formatter: new CompactJsonFormatter(), restrictedToMinimumLevel: LogEventLevel.Debug);
                }
            }
            """).RunAsync();
    }

    [Fact]
    public async Task A_file_logging_provider_becomes_AddJsonConsole_and_direct_file_writes_get_no_fix()
    {
        await new ServiceTest("worker").WithLibraries().WithSource("""
            using System.IO;
            using Microsoft.Extensions.Logging;

            static class Logging
            {
                static void Configure(ILoggingBuilder logging, string message)
                {
                    {|TF1101:logging.AddFile("Logs/app-{Date}.txt")|};
                    {|#0:File.AppendAllText("app.log", message)|};
                }
            }
            """).WithFixedSource("""
            using System.IO;
            using Microsoft.Extensions.Logging;

            static class Logging
            {
                static void Configure(ILoggingBuilder logging, string message)
                {
                    logging.AddJsonConsole();
                    {|#0:File.AppendAllText("app.log", message)|};
                }
            }
            """).Expecting(Diagnostic("TF1101").WithLocation(0).WithArguments("'File.AppendAllText'", "'app.log'"))
            .WithFixedExpected(Diagnostic("TF1101").WithLocation(0).WithArguments("'File.AppendAllText'", "'app.log'"))
            .RunAsync();
    }
}
