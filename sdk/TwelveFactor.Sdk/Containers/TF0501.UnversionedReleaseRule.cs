using TwelveFactor.Sdk.Catalog;
using TwelveFactor.Sdk.Policy;

namespace TwelveFactor.Sdk.Containers;

/// <summary>TF0501: the release is cut from a tree that is not a commit (no revision, or uncommitted changes).</summary>
public static class UnversionedReleaseRule
{
    private const int ChangedFilesShown = 5;

    public static Finding? Check(ContainerRelease release)
    {
        var project = SourceLocation.WholeFile(release.ProjectFile);
        if (release.RevisionProblem is not null)
        {
            return Finding.At(RuleIds.UnversionedRelease, project, "revision", release.RevisionProblem);
        }

        if (release.ChangedFiles.Count == 0 || release.AllowDirty)
        {
            return null;
        }

        var shown = string.Join(", ", release.ChangedFiles.Take(ChangedFilesShown));
        if (release.ChangedFiles.Count > ChangedFilesShown)
        {
            shown += ", ...";
        }

        return Finding.At(RuleIds.UnversionedRelease, project, "dirty",
            $"a dirty work tree ({release.ChangedFiles.Count} uncommitted change(s): {shown}), so the image is not the commit it names");
    }
}
