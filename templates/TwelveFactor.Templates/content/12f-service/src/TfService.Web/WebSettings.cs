using TfService.Core.Configuration;

namespace TfService.Web;

/// <summary>Factor VII: the web process exports HTTP by binding the port the platform gives it in PORT.</summary>
public sealed record WebSettings(int Port)
{
    public const string PortVariable = "PORT";

    public static WebSettings Read(SettingsReader settings) =>
        new(settings.Optional(PortVariable, 8080, "a TCP port number", SettingParsers.Port));
}
