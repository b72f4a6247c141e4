using TwelveFactor.Sdk.Catalog;
using TwelveFactor.Sdk.Policy;
using TwelveFactor.Sdk.Reading;

namespace TwelveFactor.Sdk.Containers;

/// <summary>TF0503: the registry already holds an image under the release's id.</summary>
public static class ReleaseExistsRule
{
    public static Finding? Check(ContainerRelease release, Func<string, string, string, TagLookup> lookupTag)
    {
        if (!release.PushesToRegistry || release.Registry.Length == 0 || release.ReleaseId.Length == 0)
        {
            return null;
        }

        var lookup = lookupTag(release.Registry, release.Repository, release.ReleaseId);
        return lookup.State == TagState.Exists
            ? Finding.At(RuleIds.ReleaseExists, SourceLocation.WholeFile(release.ProjectFile), release.ReleaseId,
                release.Registry + "/" + release.Repository, release.ReleaseId)
            : null;
    }
}
