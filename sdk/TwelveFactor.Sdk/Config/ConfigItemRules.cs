using TwelveFactor.Sdk.Policy;

namespace TwelveFactor.Sdk.Config;

/// <summary>
/// The factor III rules about which files a project ships, item by item: config embedded in the assembly
/// (TF0301); for a file copied to an output, environment-specific config (TF0302) and key and credential files
/// (TF0304). An item declared twice is reported once.
/// </summary>
public static class ConfigItemRules
{
    public static IEnumerable<Finding> Check(IEnumerable<ConfigItem> items, ItemLocations locations, string projectFile, Func<string, string?> readText)
    {
        var reported = new HashSet<(string, string)>();
        foreach (var item in items)
        {
            SourceLocation Location() => locations.Of(item, projectFile);
            var findings = item.IsEmbedded
                ? new[] { EmbeddedConfigRule.Check(item, Location) }
                : item.Outputs == OutputKinds.None
                    ? Array.Empty<Finding?>()
                    : new[] { EnvironmentConfigRule.Check(item, Location), KeyFileRule.Check(item, Location, readText) };
            foreach (var finding in findings.OfType<Finding>())
            {
                if (reported.Add((finding.RuleId, item.FullPath)))
                {
                    yield return finding;
                }
            }
        }
    }
}
