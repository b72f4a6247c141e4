using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using TwelveFactor.Sdk.Reading;
using TwelveFactor.Sdk.Release;

namespace TwelveFactor.Sdk.Tasks;

/// <summary>
/// Works out what a container publish releases: the git facts, the release id, the image tags (the release id
/// and the version, plus any the project asks for; never only latest) and the release labels. Reports
/// nothing itself: CheckContainerRelease judges these facts.
/// </summary>
public sealed class ResolveContainerRelease : TwelveFactorTask
{
    [Required]
    public string ProjectDirectory { get; set; } = "";

    /// <summary>$(TwelveFactorReleaseId): overrides the default id.</summary>
    public string? ReleaseIdOverride { get; set; }

    [Required]
    public string Version { get; set; } = "";

    public string? ProcessType { get; set; }

    public string? Title { get; set; }

    /// <summary>$(RepositoryUrl) when the project declares one; otherwise git's origin remote.</summary>
    public string? RepositoryUrl { get; set; }

    public string? SourceDateEpoch { get; set; }

    /// <summary>The project's own tags: $(ContainerImageTag) and $(ContainerImageTags).</summary>
    public string? RequestedTags { get; set; }

    /// <summary>Build output folders whose changes do not make the tree dirty.</summary>
    public ITaskItem[] IgnoredFolders { get; set; } = Array.Empty<ITaskItem>();

    public string GitExecutable { get; set; } = "git";

    [Output]
    public string ReleaseId { get; set; } = "";

    [Output]
    public string Commit { get; set; } = "";

    /// <summary>Why there is no revision; empty when the commit is known.</summary>
    [Output]
    public string RevisionProblem { get; set; } = "";

    [Output]
    public ITaskItem[] ChangedFiles { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>Items, not a ';' list: MSBuild escapes the separators of a string output.</summary>
    [Output]
    public ITaskItem[] ImageTags { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>ContainerLabel items (identity = name, Value metadata).</summary>
    [Output]
    public ITaskItem[] Labels { get; set; } = Array.Empty<ITaskItem>();

    protected override void ExecuteCore()
    {
        var git = GitReader.Read(ProjectDirectory, IgnoredFolders.Select(f => f.ItemSpec), string.IsNullOrWhiteSpace(GitExecutable) ? "git" : GitExecutable,
            readRemote: string.IsNullOrWhiteSpace(RepositoryUrl));
        Commit = git.Commit ?? "";
        RevisionProblem = git.Problem ?? "";
        ChangedFiles = git.ChangedFiles.Select(f => (ITaskItem)new TaskItem(f)).ToArray();

        var version = Version.Trim();
        ReleaseId = string.IsNullOrWhiteSpace(ReleaseIdOverride)
            ? global::TwelveFactor.Sdk.Release.ReleaseId.Default(version, git.Commit, git.IsDirty)
            : global::TwelveFactor.Sdk.Release.ReleaseId.ToTag(ReleaseIdOverride!);

        var tags = new List<string> { ReleaseId, global::TwelveFactor.Sdk.Release.ReleaseId.ToTag(version) };
        tags.AddRange((RequestedTags ?? "").Split(new[] { ';' }, StringSplitOptions.RemoveEmptyEntries).Select(t => t.Trim()));
        var distinctTags = tags.Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        ImageTags = distinctTags.Select(t => (ITaskItem)new TaskItem(t)).ToArray();

        var facts = new ReleaseFacts(ReleaseId, ProcessType ?? "", Commit,
            string.IsNullOrWhiteSpace(RepositoryUrl) ? git.RemoteUrl : RepositoryUrl!, version, Title ?? "",
            ReleaseLabels.CreatedTime(SourceDateEpoch, git.CommitUnixSeconds));
        Labels = ReleaseLabels.For(facts).Select(label =>
        {
            var item = new TaskItem(label.Key);
            item.SetMetadata("Value", label.Value);
            return (ITaskItem)item;
        }).ToArray();

        Log.LogMessage(MessageImportance.High, "TwelveFactor: release {0} of commit {1}, tagged {2}", ReleaseId,
            Commit.Length > 0 ? Commit : "(none)", string.Join(", ", distinctTags));
    }
}
