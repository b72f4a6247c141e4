using TwelveFactor.Sdk.Catalog;
using TwelveFactor.Sdk.Knowledge;
using TwelveFactor.Sdk.Policy;

namespace TwelveFactor.Sdk.Config;

/// <summary>
/// After publish, what actually ships: every file in the publish folder is checked for environment-specific
/// config (TF0302), key files (TF0304) and secrets (TF0303), except the copies of the project's own files,
/// which the build already checked at their source (one finding, one place, one baseline entry).
/// </summary>
public static class PublishFolderRule
{
    /// <param name="checkedAtBuild">Paths relative to the publish folder whose source the build checked.</param>
    public static IReadOnlyList<Finding> Check(string publishDirectory, ISet<string> checkedAtBuild)
    {
        var findings = new List<Finding>();
        if (!Directory.Exists(publishDirectory))
        {
            return findings;
        }

        var configFiles = new List<string>();
        foreach (var file in Directory.EnumerateFiles(publishDirectory, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(publishDirectory, file).Replace('\\', '/');
            if (checkedAtBuild.Contains(relative))
            {
                continue;
            }

            var name = Path.GetFileName(file);
            var environment = ConfigFiles.EnvironmentOf(file);
            if (environment is not null)
            {
                findings.Add(Finding.At(RuleIds.EnvironmentConfigInOutput, SourceLocation.WholeFile(file), relative, relative, "publish"));
            }

            if (ConfigFiles.IsKeyFile(file, ConfigFiles.ReadTextOrNull))
            {
                findings.Add(Finding.At(RuleIds.KeyFileInOutput, SourceLocation.WholeFile(file), relative, relative, "publish"));
            }

            if (ConfigFiles.IsConfigFile(name))
            {
                configFiles.Add(file);
            }
        }

        findings.AddRange(SecretRule.Check(configFiles));
        return findings;
    }
}
