using TwelveFactor.Sdk.Catalog;
using TwelveFactor.Sdk.Policy;
using TwelveFactor.Sdk.Reading;

namespace TwelveFactor.Sdk.Dependencies;

/// <summary>TF0202: a package version that floats or has no upper bound.</summary>
public static class FloatingVersionRule
{
    /// <param name="packages">Every declared package version the project sees.</param>
    /// <param name="referencedIds">
    /// The ids the project references; a central PackageVersion is reported only where it is used, so a
    /// Directory.Packages.props line is not reported by projects that do not use it.
    /// </param>
    public static IEnumerable<Finding> Check(IEnumerable<DeclaredPackage> packages, ISet<string> referencedIds, string projectFile)
    {
        foreach (var package in packages)
        {
            if (!NuGetVersionText.IsFloatingOrOpenEnded(package.Version))
            {
                continue;
            }

            if (package.ItemType == "PackageVersion" && !referencedIds.Contains(package.Id))
            {
                continue;
            }

            var file = string.IsNullOrEmpty(package.DefiningFile) ? projectFile : package.DefiningFile;
            // A package declared twice (two PackageVersion items for one id) is reported where this version is written.
            var declarations = ProjectXml.FindItems(file, package.ItemType, package.Id);
            var element = declarations.LastOrDefault(d => d.RawValue(package.VersionAttribute)?.Trim() == package.Version) ?? declarations.LastOrDefault();
            var location = element?.Location ?? SourceLocation.WholeFile(file);
            var raw = element?.RawValue(package.VersionAttribute);
            var shown = raw is not null && raw.Contains("$(") && raw.Trim() != package.Version
                ? package.Version + " (from " + raw.Trim() + ")"
                : package.Version;
            yield return Finding.At(RuleIds.FloatingVersion, location, package.ItemType + "|" + package.Id + "|" + package.Version,
                package.ItemType, package.Id, shown);
        }
    }
}
