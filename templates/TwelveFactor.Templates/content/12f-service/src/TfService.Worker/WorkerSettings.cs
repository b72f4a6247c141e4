using TfService.Core.Configuration;

namespace TfService.Worker;

public sealed record WorkerSettings(TimeSpan PollInterval, string WorkerId)
{
    public const string PollIntervalVariable = "WORKER_POLL_SECONDS";
    public const string WorkerIdVariable = "WORKER_ID";

    public static WorkerSettings Read(SettingsReader settings) => new(
        settings.Optional(PollIntervalVariable, TimeSpan.FromSeconds(1), "a number of seconds", SettingParsers.PositiveSeconds),
        settings.Optional(WorkerIdVariable, $"{Environment.MachineName}:{Environment.ProcessId}", "a name for this process", SettingParsers.Text));
}
