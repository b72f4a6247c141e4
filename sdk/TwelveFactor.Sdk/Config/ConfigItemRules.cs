using TwelveFactor.Sdk.Catalog;
using TwelveFactor.Sdk.Knowledge;
using TwelveFactor.Sdk.Policy;

namespace TwelveFactor.Sdk.Config;

/// <summary>
/// The factor III rules about which files a project ships: config embedded in the assembly (TF0301),
/// environment-specific config copied to an output (TF0302), key and credential files copied to an output (TF0304).
/// </summary>
public static class ConfigItemRules
{
    public static IEnumerable<Finding> Check(IEnumerable<ConfigItem> items, ItemLocations locations, string projectFile, Func<string, string?> readText)
    {
        var reported = new HashSet<(string, string)>();
        foreach (var item in items)
        {
            var name = Path.GetFileName(item.FullPath);
            if (item.IsEmbedded)
            {
                if (ConfigFiles.IsConfigFile(item.FullPath) && reported.Add((RuleIds.EmbeddedConfig, item.FullPath)))
                {
                    yield return Finding.At(RuleIds.EmbeddedConfig, locations.Of(item, projectFile), name, name);
                }

                continue;
            }

            var outputs = item.Outputs;
            if (outputs == OutputKinds.None)
            {
                continue;
            }

            var environment = ConfigFiles.EnvironmentOf(item.FullPath);
            if (environment is not null)
            {
                // appsettings.Development.json serves local runs from the build output; it must not ship.
                var shipped = ConfigFiles.IsForLocalRuns(environment) ? outputs & OutputKinds.Publish : outputs;
                if (shipped != OutputKinds.None && reported.Add((RuleIds.EnvironmentConfigInOutput, item.FullPath)))
                {
                    yield return Finding.At(RuleIds.EnvironmentConfigInOutput, locations.Of(item, projectFile), name, name, ConfigItem.Describe(shipped));
                }
            }

            if (ConfigFiles.IsKeyFile(item.FullPath, readText) && reported.Add((RuleIds.KeyFileInOutput, item.FullPath)))
            {
                yield return Finding.At(RuleIds.KeyFileInOutput, locations.Of(item, projectFile), name, name, ConfigItem.Describe(outputs));
            }
        }
    }
}
