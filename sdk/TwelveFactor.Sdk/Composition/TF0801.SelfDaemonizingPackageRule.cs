using TwelveFactor.Sdk.Catalog;
using TwelveFactor.Sdk.Knowledge;
using TwelveFactor.Sdk.Policy;

namespace TwelveFactor.Sdk.Composition;

/// <summary>TF0801: a direct reference to a package that makes the process run itself as a Windows service or daemon.</summary>
public static class SelfDaemonizingPackageRule
{
    public static Finding? Check(DirectPackage package, string projectFile, string processType) =>
        KnownPackages.IsSelfDaemonizing(package.Id)
            ? PackageRules.At(RuleIds.UnknownProcessType, package, projectFile,
                "The package '" + package.Id + "' makes the process manage itself as a Windows service or daemon")
            : null;
}
