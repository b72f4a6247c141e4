using TfService.Core.Configuration;

namespace TfService.Core.Database;

public sealed record DatabaseSettings(string ConnectionString)
{
    public const string UrlVariable = "DATABASE_URL";

    public static DatabaseSettings Read(SettingsReader settings) =>
        new(settings.Required(UrlVariable, DatabaseUrl.Expected, DatabaseUrl.ToConnectionString));
}
