using TwelveFactor.Sdk.Catalog;
using TwelveFactor.Sdk.Knowledge;
using TwelveFactor.Sdk.Policy;

namespace TwelveFactor.Sdk.Config;

/// <summary>TF0302: an environment-specific config file (appsettings.Production.json, .env.staging) copied to an output.</summary>
public static class EnvironmentConfigRule
{
    public static Finding? Check(ConfigItem item, Func<SourceLocation> location)
    {
        var environment = ConfigFiles.EnvironmentOf(item.FullPath);
        if (environment is null)
        {
            return null;
        }

        // appsettings.Development.json serves local runs from the build output; it must not ship.
        var shipped = ConfigFiles.IsForLocalRuns(environment) ? item.Outputs & OutputKinds.Publish : item.Outputs;
        var name = Path.GetFileName(item.FullPath);
        return shipped != OutputKinds.None
            ? Finding.At(RuleIds.EnvironmentConfigInOutput, location(), name, name, ConfigItem.Describe(shipped))
            : null;
    }
}
