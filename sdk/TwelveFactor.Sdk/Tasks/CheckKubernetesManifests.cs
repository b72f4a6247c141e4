using Microsoft.Build.Framework;
using TwelveFactor.Sdk.Knowledge;
using TwelveFactor.Sdk.Policy;
using TwelveFactor.Sdk.Kubernetes;
using TwelveFactor.Sdk.Reading;
using TwelveFactor.Sdk.Catalog;

namespace TwelveFactor.Sdk.Tasks;

/// <summary>Checks the Kubernetes manifests a service keeps by hand (deploy/, k8s/); see <see cref="ManifestRule"/>.</summary>
public sealed class CheckKubernetesManifests : PolicyCheckTask
{
    public ITaskItem[] Manifests { get; set; } = Array.Empty<ITaskItem>();

    protected override IEnumerable<Finding> Check()
    {
        var findings = new List<Finding>();
        foreach (var file in Manifests.Select(m => m.GetMetadata("FullPath")).Distinct(StringComparer.Ordinal))
        {
            if (InputFile.ReadTextOrReport(file, findings) is not { } text)
            {
                continue;
            }

            try
            {
                findings.AddRange(ManifestRule.Check(file, text).ToList());
            }
            catch (Exception ex) when (ex is not (OutOfMemoryException or StackOverflowException))
            {
                // One manifest that breaks the reader must not switch off the check of the others.
                findings.Add(Finding.At(RuleIds.InternalError, SourceLocation.WholeFile(file), "manifest", nameof(ManifestRule), InputFile.Failure(ex, file)));
            }
        }

        return findings;
    }
}
