using TwelveFactor.Sdk.Catalog;
using TwelveFactor.Sdk.Knowledge;
using TwelveFactor.Sdk.Policy;

namespace TwelveFactor.Sdk.Containers;

/// <summary>TF0901: the project sets ContainerUser to root.</summary>
public static class ReleaseUserRule
{
    public static Finding? Check(ContainerRelease release) => Check(release.ProjectFile, release.ContainerUser);

    public static Finding? Check(string projectFile, string containerUser) =>
        containerUser.Trim().Length > 0 && ContainerUsers.IsRoot(containerUser)
            ? Finding.At(RuleIds.RunsAsRoot, ContainerReleaseRule.PropertyLocation(projectFile, "ContainerUser"), "ContainerUser",
                $"ContainerUser is '{containerUser.Trim()}', so the container runs as root")
            : null;
}
