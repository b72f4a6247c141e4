using System.Text.Json;
using Microsoft.Extensions.Logging;
#if (postgres)
using Npgsql;
using TfService.Core.Database;
using TfService.Core.Jobs;
#endif
using TfService.Core.Configuration;

namespace TfService.Admin;

public sealed class AdminCommands(
#if (postgres)
    SchemaMigrator migrator,
    JobStore jobs,
#endif
    AdminConsole console,
    ILogger<AdminCommands> logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<int> RunAsync(AdminCommand command, CancellationToken cancellationToken)
    {
        try
        {
            if (command.Name == AdminCommand.InteractiveConsole.Name)
            {
                return command.Expression is { } expression
                    ? await console.EvaluateAsync(expression, cancellationToken)
                    : await console.RunAsync(Console.In, cancellationToken);
            }
#if (postgres)
            if (command == AdminCommand.Migrate)
            {
                await migrator.ApplyAsync(cancellationToken);
                return ExitCodes.Success;
            }
            if (command == AdminCommand.JobStats)
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(await jobs.StatsAsync(cancellationToken), Json));
                return ExitCodes.Success;
            }
            if (command == AdminCommand.JobPurge)
            {
                var purged = await jobs.PurgeFinishedAsync(JobStore.FinishedJobRetention, cancellationToken);
                Console.Out.WriteLine(JsonSerializer.Serialize(new { purged }, Json));
                return ExitCodes.Success;
            }
#endif
            Console.Out.WriteLine(JsonSerializer.Serialize(ConfigDescription.Current(), Json));
            return ExitCodes.Success;
        }
        catch (OperationCanceledException)
        {
            logger.LogWarning("Command {Command} cancelled", command.Name);
            return ExitCodes.Failure;
        }
#if (postgres)
        catch (NpgsqlException e) when (e.IsTransient || e.InnerException is System.Net.Sockets.SocketException)
        {
            logger.LogError("Command {Command} failed: the database is unavailable: {Reason}", command.Name, e.Message);
            return ExitCodes.Unavailable;
        }
#endif
        catch (Exception e)
        {
            logger.LogError(e, "Command {Command} failed", command.Name);
            return ExitCodes.Failure;
        }
    }
}
