using TwelveFactor.Sdk.Catalog;
using TwelveFactor.Sdk.Knowledge;
using TwelveFactor.Sdk.Policy;

namespace TwelveFactor.Sdk.Composition;

/// <summary>TF1101: a direct reference to a logging provider or sink whose only job is writing log files.</summary>
public static class FileLoggingPackageRule
{
    public static Finding? Check(DirectPackage package, string projectFile, string processType) =>
        KnownPackages.FileLogging.Contains(package.Id)
            ? PackageRules.At(RuleIds.FileLogging, package, projectFile, "The package '" + package.Id + "'", "a file-logging provider referenced directly")
            : null;
}
