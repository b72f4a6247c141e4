using TwelveFactor.Sdk.Catalog;
using TwelveFactor.Sdk.Policy;
using TwelveFactor.Sdk.Reading;

namespace TwelveFactor.Sdk.Containers;

/// <summary>TF0204: the base image of the release (ContainerBaseImage, or the one the .NET SDK infers) is not pinned by digest.</summary>
public static class ReleaseBaseImageRule
{
    public static Finding? Check(ContainerRelease release)
    {
        if (!ImageReference.TryParse(release.BaseImage, out var baseImage) || baseImage.IsPinned)
        {
            return null;
        }

        var location = release.BaseImageSetByProject
            ? ContainerReleaseRule.PropertyLocation(release.ProjectFile, "ContainerBaseImage")
            : SourceLocation.WholeFile(release.ProjectFile);
        return Finding.At(RuleIds.UnpinnedBaseImage, location, "ContainerBaseImage", release.BaseImage, baseImage.PinnedForm());
    }
}
