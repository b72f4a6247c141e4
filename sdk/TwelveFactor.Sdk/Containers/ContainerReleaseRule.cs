using TwelveFactor.Sdk.Policy;
using TwelveFactor.Sdk.Reading;

namespace TwelveFactor.Sdk.Containers;

/// <summary>
/// Checks made before an image is built and pushed, in this order: the release names a clean commit (TF0501),
/// the base image is pinned (TF0204), the user is not root (TF0901) and the release id is not taken in the
/// registry (TF0503).
/// </summary>
public static class ContainerReleaseRule
{
    public static IEnumerable<Finding> Check(ContainerRelease release, Func<string, string, string, TagLookup> lookupTag)
    {
        var rules = new Func<Finding?>[]
        {
            () => UnversionedReleaseRule.Check(release),
            () => ReleaseBaseImageRule.Check(release),
            () => ReleaseUserRule.Check(release),
            () => ReleaseExistsRule.Check(release, lookupTag),
        };
        foreach (var rule in rules)
        {
            if (rule() is { } finding)
            {
                yield return finding;
            }
        }
    }

    /// <summary>The line that sets a property in the project file, or the project file itself.</summary>
    internal static SourceLocation PropertyLocation(string projectFile, string property) =>
        ProjectXml.FindProperty(projectFile, property)?.Location ?? SourceLocation.WholeFile(projectFile);
}
