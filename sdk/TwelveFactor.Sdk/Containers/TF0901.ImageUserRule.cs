using TwelveFactor.Sdk.Catalog;
using TwelveFactor.Sdk.Knowledge;
using TwelveFactor.Sdk.Policy;
using TwelveFactor.Sdk.Reading;

namespace TwelveFactor.Sdk.Containers;

/// <summary>TF0901: the generated image runs as root (its base image sets no non-root user and the project sets no ContainerUser).</summary>
public static class ImageUserRule
{
    public static Finding? Check(string projectFile, ImageConfig config)
    {
        if (!ContainerUsers.IsRoot(config.User))
        {
            return null;
        }

        var baseName = config.Labels.TryGetValue("org.opencontainers.image.base.name", out var name) ? name : "the base image";
        return Finding.At(RuleIds.RunsAsRoot, SourceLocation.WholeFile(projectFile), "User",
            $"The image runs as root: '{baseName}' sets no non-root user (no USER, no APP_UID) and the project sets no ContainerUser");
    }
}
