using TwelveFactor.Sdk.Policy;
using TwelveFactor.Sdk.Reading;

namespace TwelveFactor.Sdk.Containers;

/// <summary>
/// Checks of the image configuration the SDK generated, where the base image's defaults are known: the
/// user it runs as (TF0901) and, for a web process, whether the declared ports are the ones the app binds (TF0703).
/// </summary>
public static class ImageConfigRule
{
    public static IEnumerable<Finding> Check(string projectFile, string configJson, string processType, string? appSettingsJson)
    {
        var config = ImageConfig.Parse(configJson);
        if (ImageUserRule.Check(projectFile, config) is { } user)
        {
            yield return user;
        }

        if (ImagePortRule.Check(projectFile, config, processType, appSettingsJson) is { } ports)
        {
            yield return ports;
        }
    }
}
