using TwelveFactor.Sdk.Catalog;
using TwelveFactor.Sdk.Knowledge;
using TwelveFactor.Sdk.Policy;

namespace TwelveFactor.Sdk.Composition;

/// <summary>
/// TF1001: a development store (EF Core in-memory or SQLite) referenced beside a production database provider
/// in the same project: the sign of a store swapped per environment. Test projects are exempt; a project that
/// uses SQLite as its only store is not swapping anything.
/// </summary>
public static class DevelopmentSubstituteRule
{
    public static IEnumerable<Finding> Check(IReadOnlyList<DirectPackage> packages, bool isTestProject, string projectFile)
    {
        if (isTestProject || packages.Any(p => KnownPackages.TestFrameworks.Contains(p.Id)))
        {
            yield break;
        }

        var production = packages.Where(p => KnownPackages.ProductionStores.Contains(p.Id)).Select(p => p.Id).ToList();
        if (production.Count == 0)
        {
            yield break;
        }

        foreach (var substitute in packages.Where(p => KnownPackages.DevelopmentStores.Contains(p.Id)))
        {
            yield return PackageRules.At(RuleIds.DevelopmentSubstitute, substitute, projectFile, substitute.Id, string.Join("', '", production));
        }
    }
}
