#if (postgres)
using TfService.Core.Database;
#endif
using TfService.Core.Configuration;

namespace TfService.Admin;

/// <summary>What each variable the service reads is set to, with credentials left out.</summary>
public static class ConfigDescription
{
    public static IReadOnlyDictionary<string, string?> Current() => new Dictionary<string, string?>
    {
#if (postgres)
        [DatabaseSettings.UrlVariable] = DatabaseUrl.Redact(Environment.GetEnvironmentVariable(DatabaseSettings.UrlVariable)),
#endif
        [ShutdownSettings.TimeoutVariable] = Environment.GetEnvironmentVariable(ShutdownSettings.TimeoutVariable),
    };
}
