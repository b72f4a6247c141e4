using TwelveFactor.Sdk.Catalog;
using TwelveFactor.Sdk.Policy;
using TwelveFactor.Sdk.Reading;

namespace TwelveFactor.Sdk.Containers;

/// <summary>TF0204: the base image of the release (ContainerBaseImage, or the one the .NET SDK infers) is not pinned by digest.</summary>
public static class ReleaseBaseImageRule
{
    public static Finding? Check(ContainerRelease release) => Check(release.ProjectFile, release.BaseImage, release.BaseImageSetByProject);

    public static Finding? Check(string projectFile, string baseImageText, bool setByProject)
    {
        if (!ImageReference.TryParse(baseImageText, out var baseImage) || baseImage.IsPinned)
        {
            return null;
        }

        var location = setByProject
            ? ContainerReleaseRule.PropertyLocation(projectFile, "ContainerBaseImage")
            : SourceLocation.WholeFile(projectFile);
        return Finding.At(RuleIds.UnpinnedBaseImage, location, "ContainerBaseImage", baseImageText, baseImage.PinnedForm());
    }
}
