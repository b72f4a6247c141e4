using Microsoft.Build.Framework;
using TwelveFactor.Sdk.Config;
using TwelveFactor.Sdk.Knowledge;
using TwelveFactor.Sdk.Policy;

namespace TwelveFactor.Sdk.Tasks;

/// <summary>
/// Factor III at build time: embedded config (TF0301), environment-specific config (TF0302) and key files
/// (TF0304) in the outputs, secrets in the config files the project carries (TF0303).
/// </summary>
public sealed class CheckConfig : PolicyCheckTask
{
    public ITaskItem[] Content { get; set; } = Array.Empty<ITaskItem>();

    public ITaskItem[] None { get; set; } = Array.Empty<ITaskItem>();

    public ITaskItem[] EmbeddedResources { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>Config files in the project folder that no item names (a .env beside the project).</summary>
    public ITaskItem[] ProjectFolderFiles { get; set; } = Array.Empty<ITaskItem>();

    protected override IEnumerable<Finding> Check()
    {
        var items = Items(Content, "Content").Concat(Items(None, "None")).Concat(Items(EmbeddedResources, "EmbeddedResource")).ToList();
        var ownRoot = RepositoryOrProjectFolder(RepositoryRoot, ProjectFile);

        var configFiles = items.Select(i => i.FullPath)
            .Concat(ProjectFolderFiles.Select(f => f.GetMetadata("FullPath")))
            .Where(SecretRule.IsScanned);
        return ConfigItemRules.Check(items, new ItemLocations(ownRoot), ProjectFile, ConfigFiles.ReadTextOrNull)
            .Concat(SecretRule.Check(configFiles));
    }

    private static IEnumerable<ConfigItem> Items(IEnumerable<ITaskItem> items, string itemType) =>
        items.Select(item => new ConfigItem(itemType, item.ItemSpec, Metadata(item, "FullPath"), Metadata(item, "DefiningProjectFullPath"),
            Metadata(item, "CopyToOutputDirectory"), Metadata(item, "CopyToPublishDirectory")));
}
