using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TfService.Admin;
using TfService.Core.Configuration;
#if (postgres)
using TfService.Core.Database;
#endif
using TfService.Core.Logging;

var command = AdminCommand.Parse(args);
if (command is null)
{
    Console.Error.Write(AdminCommand.Usage);
    return ExitCodes.Usage;
}
if (command == AdminCommand.Help)
{
    Console.Out.Write(AdminCommand.Usage);
    return ExitCodes.Success;
}

var settings = SettingsReader.FromEnvironment();
#if (postgres)
var database = DatabaseSettings.Read(settings);
#endif
if (settings.HasProblems)
{
    return StartupFailure.Report(settings, "TfService.Admin");
}

var services = new ServiceCollection();
services.AddLogging(logging => logging.AddServiceLogging());
#if (postgres)
services.AddDatabase(database);
services.AddSingleton<SchemaMigrator>();
#endif
services.AddSingleton<AdminConsole>();
services.AddSingleton<AdminCommands>();
await using var provider = services.BuildServiceProvider();

// Ctrl+C or SIGTERM cancels the command; a migration then rolls back as a whole.
using var stopping = new CancellationTokenSource();
using var sigterm = System.Runtime.InteropServices.PosixSignalRegistration.Create(
    System.Runtime.InteropServices.PosixSignal.SIGTERM, context => { context.Cancel = true; stopping.Cancel(); });
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stopping.Cancel(); };

return await provider.GetRequiredService<AdminCommands>().RunAsync(command, stopping.Token);
