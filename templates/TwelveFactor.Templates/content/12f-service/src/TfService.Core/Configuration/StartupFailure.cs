using Microsoft.Extensions.Logging;
using TfService.Core.Logging;

namespace TfService.Core.Configuration;

/// <summary>
/// Stops a process whose settings are missing or invalid before it does anything (factor III): one JSON event per
/// problem on stdout, the same problems in plain words on stderr for whoever is at the terminal, and exit code 78.
/// </summary>
public static class StartupFailure
{
    public static int Report(SettingsReader settings, string processName)
    {
        using (var loggerFactory = LoggerFactory.Create(logging => logging.AddServiceLogging()))
        {
            var logger = loggerFactory.CreateLogger(processName);
            foreach (var problem in settings.Problems)
            {
                logger.LogCritical("Configuration variable {Variable} {Problem}", problem.Variable, problem.Reason);
            }
        }
        foreach (var problem in settings.Problems)
        {
            Console.Error.WriteLine($"{processName}: {problem}");
        }
        return ExitCodes.Configuration;
    }
}
