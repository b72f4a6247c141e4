using System.Text.Json;
using Microsoft.Build.Framework;
using TwelveFactor.Sdk.Catalog;
using TwelveFactor.Sdk.Containers;
using TwelveFactor.Sdk.Policy;
using TwelveFactor.Sdk.Reading;
using TwelveFactor.Sdk.Release;

namespace TwelveFactor.Sdk.Tasks;

/// <summary>Writes the release manifest (<see cref="ReleaseManifest"/>) once the image exists.</summary>
public sealed class WriteReleaseManifest : TwelveFactorTask
{
    [Required]
    public string ManifestPath { get; set; } = "";

    [Required]
    public string ReleaseId { get; set; } = "";

    public string? ProcessType { get; set; }

    public string? BaseImage { get; set; }

    public string? Registry { get; set; }

    public string? Repository { get; set; }

    public ITaskItem[] Tags { get; set; } = Array.Empty<ITaskItem>();

    public string? Digest { get; set; }

    public string? MediaType { get; set; }

    public string? ArchivePath { get; set; }

    /// <summary>The generated image configuration: the labels recorded are the ones the image carries.</summary>
    public string? ImageConfiguration { get; set; }

    protected override void ExecuteCore()
    {
        IReadOnlyDictionary<string, string> labels = new Dictionary<string, string>();
        if (!string.IsNullOrWhiteSpace(ImageConfiguration))
        {
            try
            {
                labels = ImageConfig.Parse(ImageConfiguration!).Labels;
            }
            catch (JsonException)
            {
                // The image check reports a malformed configuration; the manifest goes without labels.
            }
        }

        var image = new ReleasedImage(Registry ?? "", Repository ?? "", Tags.Select(t => t.ItemSpec).Distinct(StringComparer.Ordinal).ToList(),
            Digest ?? "", MediaType ?? "", ArchivePath ?? "");
        var content = ReleaseManifest.Create(ReleaseId, ProcessType ?? "", BaseImage ?? "", image, labels);
        try
        {
            ReleaseManifest.Write(ManifestPath, content);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            LogDiagnostic(RuleIds.ReportNotWritten, SourceLocation.WholeFile(BuildEngine?.ProjectFileOfTaskNode ?? ""), ManifestPath, ex.Message);
            return;
        }

        Log.LogMessage(MessageImportance.High, "TwelveFactor: release {0} -> {1}", ReleaseId, ManifestPath);
    }
}
