using Microsoft.Build.Framework;
using TwelveFactor.Sdk.Dependencies;
using TwelveFactor.Sdk.Policy;

namespace TwelveFactor.Sdk.Tasks;

/// <summary>Factor II at build time: lock files (TF0201), floating versions (TF0202), system references (TF0203).</summary>
public sealed class CheckDependencies : PolicyCheckTask
{
    public ITaskItem[] PackageReferences { get; set; } = Array.Empty<ITaskItem>();

    public ITaskItem[] PackageVersions { get; set; } = Array.Empty<ITaskItem>();

    public ITaskItem[] GlobalPackageReferences { get; set; } = Array.Empty<ITaskItem>();

    public ITaskItem[] References { get; set; } = Array.Empty<ITaskItem>();

    public bool RestorePackagesWithLockFile { get; set; } = true;

    /// <summary>The project and its Directory.Build files: where settings and references are written.</summary>
    public ITaskItem[] SettingFiles { get; set; } = Array.Empty<ITaskItem>();

    protected override IEnumerable<Finding> Check()
    {
        var explicitReferences = PackageReferences.Where(IsUserDefined).ToList();
        // NuGet turns each GlobalPackageReference into a PackageVersion too; it is reported once, as itself.
        var globalIds = new HashSet<string>(GlobalPackageReferences.Select(i => i.ItemSpec), StringComparer.OrdinalIgnoreCase);
        var declared = explicitReferences.Select(i => Declared(i, "PackageReference"))
            .Concat(PackageVersions.Where(i => !globalIds.Contains(i.ItemSpec)).Select(i => Declared(i, "PackageVersion")))
            .Concat(GlobalPackageReferences.Select(i => Declared(i, "GlobalPackageReference")))
            .Where(p => p.Version.Length > 0)
            .ToList();
        var referencedIds = new HashSet<string>(
            explicitReferences.Select(i => i.ItemSpec).Concat(GlobalPackageReferences.Select(i => i.ItemSpec)),
            StringComparer.OrdinalIgnoreCase);

        var references = References
            .Where(i => IsUserDefined(i) && Metadata(i, "HintPath").Length > 0)
            .Select(i => new DeclaredReference(i.ItemSpec, Metadata(i, "HintPath"), Metadata(i, "DefiningProjectFullPath")));

        var projectFiles = SettingFiles.Select(f => f.ItemSpec).ToList();
        return LockFileRule.Check(RestorePackagesWithLockFile, ProjectFile, projectFiles)
            .Concat(FloatingVersionRule.Check(declared, referencedIds, ProjectFile))
            .Concat(SystemReferenceRule.Check(references, RepositoryRootOrNull, ProjectFile, projectFiles));
    }

    private static DeclaredPackage Declared(ITaskItem item, string itemType)
    {
        var versionOverride = Metadata(item, "VersionOverride");
        var useOverride = itemType == "PackageReference" && versionOverride.Length > 0;
        return new DeclaredPackage(itemType, item.ItemSpec, useOverride ? versionOverride : Metadata(item, "Version"),
            useOverride ? "VersionOverride" : "Version", Metadata(item, "DefiningProjectFullPath"));
    }
}
