using Microsoft.Build.Framework;
using TwelveFactor.Sdk.Catalog;
using TwelveFactor.Sdk.Containers;
using TwelveFactor.Sdk.Policy;
using TwelveFactor.Sdk.Reading;

namespace TwelveFactor.Sdk.Tasks;

/// <summary>Checks the image configuration the SDK generated (TF0901, TF0703); see <see cref="ImageConfigRule"/>.</summary>
public sealed class CheckContainerImage : PolicyCheckTask
{
    /// <summary>@(GeneratedContainer): one item per image built, its Configuration metadata the generated image configuration (JSON).</summary>
    public ITaskItem[] Images { get; set; } = Array.Empty<ITaskItem>();

    public string? ProcessType { get; set; }

    /// <summary>The publish folder: its appsettings.json may configure Kestrel's endpoints.</summary>
    public string? PublishDirectory { get; set; }

    protected override IEnumerable<Finding> Check()
    {
        var configurations = Images.Select(i => Metadata(i, "Configuration")).Where(c => c.Trim().Length > 0).ToList();
        if (configurations.Count == 0)
        {
            return Array.Empty<Finding>();
        }

        string? appSettings = null;
        var appSettingsPath = string.IsNullOrEmpty(PublishDirectory) ? "" : Path.Combine(PublishDirectory!, "appsettings.json");
        if (appSettingsPath.Length > 0 && File.Exists(appSettingsPath))
        {
            var unreadable = new List<Finding>();
            appSettings = InputFile.ReadTextOrReport(appSettingsPath, unreadable);
            if (appSettings is null)
            {
                return unreadable;
            }
        }

        try
        {
            // Images of one release share their settings: a multi-platform release reports a finding once.
            return configurations.SelectMany(c => ImageConfigRule.Check(ProjectFile, c, ProcessType ?? "", appSettings))
                .GroupBy(f => (f.RuleId, f.FingerprintKey)).Select(g => g.First()).ToList();
        }
        catch (System.Text.Json.JsonException ex)
        {
            return new[] { Finding.InProject(RuleIds.MalformedFile, ProjectFile, "image-config", "the generated image configuration: " + ex.Message) };
        }
    }
}
