using TfService.Core.Configuration;
#if (postgres)
using TfService.Core.Database;
using TfService.Core.Jobs;
#endif
using TfService.Core.Logging;
using TfService.Worker;

var settings = SettingsReader.FromEnvironment();
var worker = WorkerSettings.Read(settings);
var shutdown = ShutdownSettings.Read(settings);
#if (postgres)
var database = DatabaseSettings.Read(settings);
#endif
if (settings.HasProblems)
{
    return StartupFailure.Report(settings, "TfService.Worker");
}

var builder = Host.CreateApplicationBuilder(args);
builder.Logging.AddServiceLogging();
// On SIGTERM the worker finishes or hands back its job within this time, then exits 0 (factor IX).
builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = shutdown.Timeout);
builder.Services.AddSingleton(worker);
#if (postgres)
builder.Services.AddDatabase(database);
builder.Services.AddSingleton<JobProcessor>();
builder.Services.AddSingleton<JobQueue>();
builder.Services.AddHostedService<JobWorker>();
#else
builder.Services.AddHostedService<HeartbeatWorker>();
#endif

await builder.Build().RunAsync();
return ExitCodes.Success;
