using Microsoft.Build.Framework;
using TwelveFactor.Sdk.Composition;
using TwelveFactor.Sdk.Policy;

namespace TwelveFactor.Sdk.Tasks;

/// <summary>
/// The rules that read what a project is made of, its references and hosting settings: TF0101, TF0502,
/// TF0701, TF0801, TF1001 and TF1101 (file-logging packages).
/// </summary>
public sealed class CheckComposition : PolicyCheckTask
{
    public ITaskItem[] PackageReferences { get; set; } = Array.Empty<ITaskItem>();

    public ITaskItem[] ProjectReferences { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>The project and its Directory.Build files: where a user writes the properties read here.</summary>
    public ITaskItem[] SettingFiles { get; set; } = Array.Empty<ITaskItem>();

    public string? OutputType { get; set; }

    public bool IsService { get; set; }

    public bool IsTestProject { get; set; }

    /// <summary>$(TwelveFactorProcessType) as the project states it.</summary>
    public string? ProcessType { get; set; }

    /// <summary>The process type the .NET SDK flavour implies (web, worker), when the project states none.</summary>
    public string? FlavourProcessType { get; set; }

    public string? AspNetCoreHostingModel { get; set; }

    public string? IsTransformWebConfigDisabled { get; set; }

    protected override IEnumerable<Finding> Check()
    {
        var packages = PackageReferences.Where(IsUserDefined)
            .Select(i => new DirectPackage(i.ItemSpec, Metadata(i, "DefiningProjectFullPath")))
            .ToList();
        var projectReferences = ProjectReferences.Where(IsUserDefined)
            .Select(i => new DeclaredProjectReference(i.ItemSpec, Metadata(i, "DefiningProjectFullPath")));
        var settings = new ProjectSettings(ProjectFile, SettingFiles.Select(f => f.ItemSpec).Where(f => f.Length > 0).ToList(),
            OutputType ?? "", IsService, IsTestProject, Normalized(ProcessType), Normalized(FlavourProcessType),
            AspNetCoreHostingModel ?? "", IsTransformWebConfigDisabled ?? "");

        return ProjectReferenceRule.Check(projectReferences, RepositoryRootOrNull, ProjectFile)
            .Concat(PackageRules.Check(packages, ProjectFile, settings.ProcessType))
            .Concat(DevelopmentSubstituteRule.Check(packages, IsTestProject, ProjectFile))
            .Concat(HostingModelRule.Check(settings))
            .Concat(ProcessTypeRule.Check(settings));
    }

    private static string Normalized(string? value) => (value ?? "").Trim().ToLowerInvariant();
}
