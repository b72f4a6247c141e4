using TwelveFactor.Sdk.Catalog;
using TwelveFactor.Sdk.Knowledge;
using TwelveFactor.Sdk.Policy;
using TwelveFactor.Sdk.Reading;

namespace TwelveFactor.Sdk.Containers;

/// <summary>
/// TF0703: a web process's image declares other ports than the app binds, both ways: a bound port nobody routes
/// to, and a declared port nobody listens on.
/// </summary>
public static class ImagePortRule
{
    public static Finding? Check(string projectFile, ImageConfig config, string processType, string? appSettingsJson)
    {
        if (!processType.Equals(ProcessTypes.Web, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var bound = AppPorts.Bound(config.Environment, appSettingsJson);
        if (bound.SetEquals(config.ExposedTcpPorts))
        {
            return null;
        }

        var declared = config.ExposedTcpPorts.Count == 0 ? "none" : string.Join(", ", config.ExposedTcpPorts.OrderBy(p => p));
        var location = ProjectXml.FindFirstItem(projectFile, "ContainerPort")?.Location ?? SourceLocation.WholeFile(projectFile);
        return Finding.At(RuleIds.ContainerPortMismatch, location, "ports", declared, string.Join(", ", bound.OrderBy(p => p)));
    }
}
