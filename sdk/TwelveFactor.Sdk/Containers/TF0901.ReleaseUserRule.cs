using TwelveFactor.Sdk.Catalog;
using TwelveFactor.Sdk.Knowledge;
using TwelveFactor.Sdk.Policy;

namespace TwelveFactor.Sdk.Containers;

/// <summary>TF0901: the project sets ContainerUser to root.</summary>
public static class ReleaseUserRule
{
    public static Finding? Check(ContainerRelease release) =>
        release.ContainerUser.Trim().Length > 0 && ContainerUsers.IsRoot(release.ContainerUser)
            ? Finding.At(RuleIds.RunsAsRoot, ContainerReleaseRule.PropertyLocation(release.ProjectFile, "ContainerUser"), "ContainerUser",
                $"ContainerUser is '{release.ContainerUser.Trim()}', so the container runs as root")
            : null;
}
