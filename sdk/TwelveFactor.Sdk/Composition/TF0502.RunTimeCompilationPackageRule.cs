using TwelveFactor.Sdk.Catalog;
using TwelveFactor.Sdk.Knowledge;
using TwelveFactor.Sdk.Policy;

namespace TwelveFactor.Sdk.Composition;

/// <summary>
/// TF0502: a direct reference to a package that compiles code while the release runs. Reported in every project
/// but an admin process: factor XII's console compiles what an operator types, and ships in no web or worker image.
/// </summary>
public static class RunTimeCompilationPackageRule
{
    public static Finding? Check(DirectPackage package, string projectFile, string processType) =>
        processType != ProcessTypes.Admin && KnownPackages.RunTimeCompilation.Contains(package.Id)
            ? PackageRules.At(RuleIds.RunTimeCompilation, package, projectFile, package.Id)
            : null;
}
