namespace TfService.Core.Configuration;

/// <summary>
/// Factor IX: how long a process may take, after SIGTERM, to finish or hand back its work before it is stopped.
/// Keep it below the platform's own kill timeout (Kubernetes' terminationGracePeriodSeconds is 30 s by default).
/// </summary>
public sealed record ShutdownSettings(TimeSpan Timeout)
{
    public const string TimeoutVariable = "SHUTDOWN_TIMEOUT_SECONDS";

    public static ShutdownSettings Read(SettingsReader settings) =>
        new(settings.Optional(TimeoutVariable, TimeSpan.FromSeconds(25), "a number of seconds", SettingParsers.PositiveSeconds));
}
