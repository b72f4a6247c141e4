using TwelveFactor.Sdk.Catalog;
using TwelveFactor.Sdk.Knowledge;
using TwelveFactor.Sdk.Policy;
using TwelveFactor.Sdk.Reading;

namespace TwelveFactor.Sdk.Containers;

/// <summary>
/// Checks made before an image is built and pushed: the release names a clean commit (TF0501), its id is not
/// taken in the registry (TF0503), the base image is pinned (TF0204) and the user is not root (TF0901).
/// </summary>
public static class ContainerReleaseRule
{
    private const int ChangedFilesShown = 5;

    public static IEnumerable<Finding> Check(ContainerRelease release, Func<string, string, string, TagLookup> lookupTag)
    {
        var project = SourceLocation.WholeFile(release.ProjectFile);
        if (release.RevisionProblem is not null)
        {
            yield return Finding.At(RuleIds.UnversionedRelease, project, "revision", release.RevisionProblem);
        }
        else if (release.ChangedFiles.Count > 0 && !release.AllowDirty)
        {
            var shown = string.Join(", ", release.ChangedFiles.Take(ChangedFilesShown));
            if (release.ChangedFiles.Count > ChangedFilesShown)
            {
                shown += ", ...";
            }

            yield return Finding.At(RuleIds.UnversionedRelease, project, "dirty",
                $"a dirty work tree ({release.ChangedFiles.Count} uncommitted change(s): {shown}), so the image is not the commit it names");
        }

        if (ImageReference.TryParse(release.BaseImage, out var baseImage) && !baseImage.IsPinned)
        {
            var location = release.BaseImageSetByProject ? PropertyLocation(release.ProjectFile, "ContainerBaseImage") : project;
            yield return Finding.At(RuleIds.UnpinnedBaseImage, location, "ContainerBaseImage", release.BaseImage, baseImage.PinnedForm());
        }

        if (release.ContainerUser.Trim().Length > 0 && ContainerUsers.IsRoot(release.ContainerUser))
        {
            yield return Finding.At(RuleIds.RunsAsRoot, PropertyLocation(release.ProjectFile, "ContainerUser"), "ContainerUser",
                $"ContainerUser is '{release.ContainerUser.Trim()}', so the container runs as root");
        }

        if (release.PushesToRegistry && release.Registry.Length > 0 && release.ReleaseId.Length > 0)
        {
            var lookup = lookupTag(release.Registry, release.Repository, release.ReleaseId);
            if (lookup.State == TagState.Exists)
            {
                yield return Finding.At(RuleIds.ReleaseExists, project, release.ReleaseId,
                    release.Registry + "/" + release.Repository, release.ReleaseId);
            }
        }
    }

    private static SourceLocation PropertyLocation(string projectFile, string property) =>
        ProjectXml.FindProperty(projectFile, property)?.Location ?? SourceLocation.WholeFile(projectFile);
}
