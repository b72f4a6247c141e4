using TwelveFactor.Sdk.Policy;
using TwelveFactor.Sdk.Reading;

namespace TwelveFactor.Sdk.Composition;

/// <summary>
/// The rules that a direct package reference alone decides, in this order for each package: run-time compilation
/// (TF0502), self-daemonizing hosting (TF0801) and file-logging providers (TF1101). Packages that arrive
/// transitively are never reported: the service did not choose them and does not necessarily use them.
/// </summary>
public static class PackageRules
{
    private static readonly Func<DirectPackage, string, string, Finding?>[] Rules =
    {
        RunTimeCompilationPackageRule.Check,
        SelfDaemonizingPackageRule.Check,
        FileLoggingPackageRule.Check,
    };

    public static IEnumerable<Finding> Check(IReadOnlyList<DirectPackage> packages, string projectFile, string processType = "") =>
        packages.SelectMany(package => Rules.Select(rule => rule(package, projectFile, processType))).OfType<Finding>();

    /// <summary>A finding on the PackageReference line that declares the package, keyed by its id.</summary>
    public static Finding At(string ruleId, DirectPackage package, string projectFile, params string[] arguments)
    {
        var file = string.IsNullOrEmpty(package.DefiningFile) ? projectFile : package.DefiningFile;
        var location = ProjectXml.FindItem(file, "PackageReference", package.Id)?.Location ?? SourceLocation.WholeFile(file);
        return Finding.At(ruleId, location, package.Id, arguments);
    }
}
