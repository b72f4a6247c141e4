namespace TwelveFactor.Sdk.Testing;

/// <summary>The smallest clean program for each process type: config from the environment, logs to stdout.</summary>
public static class SampleCode
{
    /// <summary>A Dockerfile with no finding: base pinned by digest, a release label, a non-root user.</summary>
    public const string CleanDockerfile = """
        FROM mcr.microsoft.com/dotnet/aspnet:10.0@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
        ARG REVISION
        LABEL org.opencontainers.image.revision=$REVISION
        COPY bin/Release/net10.0/publish/ /app
        USER app
        """;

    /// <summary>Code that writes its own log file (TF1101, a finding only the analyzer sees).</summary>
    public const string FileLogging = """
        public static class Logging
        {
            public static void Write(string message) => System.IO.File.AppendAllText("app.log", message);
        }
        """;

    public static string For(string? processType) => processType switch
    {
        "web" => """
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.MapGet("/healthz", () => Results.Ok("alive"));
            app.Run();
            """,
        "worker" => """
            var builder = Host.CreateApplicationBuilder(args);
            builder.Services.AddHostedService<Work>();
            builder.Build().Run();

            sealed class Work(ILogger<Work> logger) : BackgroundService
            {
                protected override async Task ExecuteAsync(CancellationToken stoppingToken)
                {
                    while (!stoppingToken.IsCancellationRequested)
                    {
                        logger.LogInformation("tick");
                        await Task.Delay(1000, stoppingToken);
                    }
                }
            }
            """,
        "admin" => """
            if (args.Length == 0 || args[0] == "--help")
            {
                Console.WriteLine("usage: admin <command>");
                return args.Length == 0 ? 2 : 0;
            }

            Console.WriteLine($"running {args[0]}");
            return 0;
            """,
        _ => """
            namespace Shared;

            public static class Greeting
            {
                public static string For(string name) => "Hello, " + name;
            }
            """,
    };
}
