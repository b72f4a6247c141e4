using TwelveFactor.Sdk.Reading;

namespace TwelveFactor.Sdk.ShippedConfig;

/// <summary>
/// A config file the project copies to its build or publish output, so that every deploy of the release
/// carries it: appsettings*.json, logging config (nlog.config, log4net.config, serilog*.json), web.config.
/// </summary>
public sealed record ShippedConfigFile(string Path, ConfigFormat Format)
{
    public string Name => System.IO.Path.GetFileName(Path);

    /// <summary>
    /// appsettings.Development.json and the like: read only where the environment is Development, so local
    /// defaults (localhost addresses) there are not a release's addresses.
    /// </summary>
    public bool IsDevelopmentOnly => Name.EndsWith(".Development.json", StringComparison.OrdinalIgnoreCase);

    public bool IsWebConfig => Name.Equals("web.config", StringComparison.OrdinalIgnoreCase);

    /// <summary>The config file for <paramref name="path"/>, or null when the file is not config these rules read.</summary>
    public static ShippedConfigFile? Classify(string path)
    {
        var name = System.IO.Path.GetFileName(path).ToLowerInvariant();
        var extension = System.IO.Path.GetExtension(name);
        if (extension == ".json")
        {
            var isSettings = name.StartsWith("appsettings", StringComparison.Ordinal) || name.StartsWith("hostsettings", StringComparison.Ordinal)
                || name.Contains("serilog") || name.Contains("nlog") || name.Contains("logging");
            return isSettings ? new ShippedConfigFile(path, ConfigFormat.Json) : null;
        }

        var isXmlConfig = extension is ".config" or ".nlog"
            || (extension == ".xml" && (name.Contains("log4net") || name.Contains("nlog")));
        return isXmlConfig ? new ShippedConfigFile(path, ConfigFormat.Xml) : null;
    }
}
