using System.Globalization;
using TfService.Core.Configuration;
#if (postgres)
using TfService.Core.Database;
#endif
using TfService.Core.Logging;
using TfService.Web;

var settings = SettingsReader.FromEnvironment();
var web = WebSettings.Read(settings);
var shutdown = ShutdownSettings.Read(settings);
#if (postgres)
var database = DatabaseSettings.Read(settings);
#endif
if (settings.HasProblems)
{
    return StartupFailure.Report(settings, "TfService.Web");
}

var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.AddServiceLogging();
// Bind every interface on the port from the environment; no address is written in the code.
builder.WebHost.UseSetting(WebHostDefaults.HttpPortsKey, web.Port.ToString(CultureInfo.InvariantCulture));
// On SIGTERM the server stops accepting connections and lets in-flight requests finish within this time.
builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = shutdown.Timeout);
builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.TypeInfoResolverChain.Insert(0, WebJsonContext.Default));
#if (postgres)
builder.Services.AddDatabase(database);
#endif

var app = builder.Build();
app.MapHealthEndpoints();
#if (postgres)
app.MapJobEndpoints();
#endif
// Run, not await RunAsync: the same wait for SIGTERM and drain, without an async Main to compile at start-up.
app.Run();
return ExitCodes.Success;
