using TwelveFactor.Sdk.Release;

namespace TwelveFactor.Sdk.Containers;

/// <summary>What a container publish is about to release, as the release check sees it before anything is pushed.</summary>
public sealed record ContainerRelease(
    string ProjectFile,
    string ReleaseId,
    string? RevisionProblem,
    IReadOnlyList<string> ChangedFiles,
    bool AllowDirty,
    string BaseImage,
    bool BaseImageSetByProject,
    string ContainerUser,
    string Registry,
    string Repository,
    bool PushesToRegistry);
