using TwelveFactor.Sdk.Catalog;
using TwelveFactor.Sdk.Knowledge;
using TwelveFactor.Sdk.Policy;
using TwelveFactor.Sdk.Reading;

namespace TwelveFactor.Sdk.Composition;

/// <summary>
/// The rules that a direct package reference alone decides: run-time compilation (TF0502), self-daemonizing
/// hosting (TF0801) and file-logging providers (TF1101). Packages that arrive transitively are never reported:
/// the service did not choose them and does not necessarily use them. Run-time compilation is reported in every
/// project but an admin process: factor XII's console compiles what an operator types, and ships in no web or
/// worker image.
/// </summary>
public static class PackageRules
{
    public static IEnumerable<Finding> Check(IReadOnlyList<DirectPackage> packages, string projectFile, string processType = "")
    {
        var compilesAtRunTimeByDesign = processType == ProcessTypes.Admin;
        foreach (var package in packages)
        {
            if (!compilesAtRunTimeByDesign && KnownPackages.RunTimeCompilation.Contains(package.Id))
            {
                yield return At(RuleIds.RunTimeCompilation, package, projectFile, package.Id);
            }

            if (KnownPackages.IsSelfDaemonizing(package.Id))
            {
                yield return At(RuleIds.UnknownProcessType, package, projectFile,
                    "The package '" + package.Id + "' makes the process manage itself as a Windows service or daemon");
            }

            if (KnownPackages.FileLogging.Contains(package.Id))
            {
                yield return At(RuleIds.FileLogging, package, projectFile, "The package '" + package.Id + "'", "a file-logging provider referenced directly");
            }
        }
    }

    /// <summary>A finding on the PackageReference line that declares the package, keyed by its id.</summary>
    public static Finding At(string ruleId, DirectPackage package, string projectFile, params string[] arguments)
    {
        var file = string.IsNullOrEmpty(package.DefiningFile) ? projectFile : package.DefiningFile;
        var location = ProjectXml.FindItem(file, "PackageReference", package.Id)?.Location ?? SourceLocation.WholeFile(file);
        return Finding.At(ruleId, location, package.Id, arguments);
    }
}
