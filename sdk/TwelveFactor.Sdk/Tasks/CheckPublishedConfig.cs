using Microsoft.Build.Framework;
using TwelveFactor.Sdk.Config;
using TwelveFactor.Sdk.Policy;

namespace TwelveFactor.Sdk.Tasks;

/// <summary>Factor III after publish: checks the publish folder itself, what actually ships.</summary>
public sealed class CheckPublishedConfig : PolicyCheckTask
{
    [Required]
    public string PublishDirectory { get; set; } = "";

    /// <summary>@(ResolvedFileToPublish): the source of each published file and its RelativePath.</summary>
    public ITaskItem[] PublishedFiles { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>Folders of the project whose files are build products, not sources the build checked (bin/, obj/).</summary>
    public ITaskItem[] GeneratedDirectories { get; set; } = Array.Empty<ITaskItem>();

    protected override IEnumerable<Finding> Check()
    {
        var projectDirectory = Path.GetDirectoryName(ProjectFile) ?? "";
        var generated = GeneratedDirectories.Select(d => d.GetMetadata("FullPath")).Where(d => d.Length > 0).ToList();
        var checkedAtBuild = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in PublishedFiles)
        {
            var source = file.GetMetadata("FullPath");
            var relative = Metadata(file, "RelativePath").Replace('\\', '/');
            if (relative.Length > 0 && PathDisplay.IsUnder(source, projectDirectory) && !generated.Any(g => PathDisplay.IsUnder(source, g)))
            {
                checkedAtBuild.Add(relative);
            }
        }

        return PublishFolderRule.Check(PublishDirectory, checkedAtBuild);
    }
}
