using Microsoft.Build.Framework;
using TwelveFactor.Sdk.Containers;
using TwelveFactor.Sdk.Policy;
using TwelveFactor.Sdk.Reading;
using TwelveFactor.Sdk.Release;

namespace TwelveFactor.Sdk.Tasks;

/// <summary>
/// The checks made before a container image is built and pushed (TF0501, TF0503, TF0204, TF0901); see
/// <see cref="ContainerReleaseRule"/>.
/// </summary>
public sealed class CheckContainerRelease : PolicyCheckTask
{
    [Required]
    public string ReleaseId { get; set; } = "";

    public string? RevisionProblem { get; set; }

    public ITaskItem[] ChangedFiles { get; set; } = Array.Empty<ITaskItem>();

    public bool AllowDirty { get; set; }

    public string? BaseImage { get; set; }

    /// <summary>The project set ContainerBaseImage (rather than the SDK inferring it).</summary>
    public bool BaseImageSetByProject { get; set; }

    public string? ContainerUser { get; set; }

    public string? Registry { get; set; }

    public string? Repository { get; set; }

    /// <summary>The image goes to a registry (not to a tarball or a local engine).</summary>
    public bool PushesToRegistry { get; set; }

    protected override IEnumerable<Finding> Check()
    {
        var release = new ContainerRelease(ProjectFile, ReleaseId, string.IsNullOrWhiteSpace(RevisionProblem) ? null : RevisionProblem,
            ChangedFiles.Select(f => f.ItemSpec).ToList(), AllowDirty, BaseImage ?? "", BaseImageSetByProject, ContainerUser ?? "",
            Registry ?? "", Repository ?? "", PushesToRegistry);
        var registryTags = new RegistryTags();
        var insecure = Environment.GetEnvironmentVariable(RegistryTags.InsecureRegistriesVariable);
        return ContainerReleaseRule.Check(release, (registry, repository, tag) =>
        {
            var lookup = registryTags.Lookup(registry, repository, tag, RegistryTags.IsInsecure(registry, insecure));
            if (lookup.State == TagState.Unknown)
            {
                Log.LogMessage(MessageImportance.High, "TwelveFactor: could not check whether {0}/{1}:{2} exists ({3}); the push goes ahead.",
                    registry, repository, tag, lookup.Detail);
            }

            return lookup;
        }).ToList();
    }
}
