using Microsoft.Build.Framework;
using TwelveFactor.Sdk.Containers;
using TwelveFactor.Sdk.Reading;
using TwelveFactor.Sdk.Knowledge;
using TwelveFactor.Sdk.Policy;
using TwelveFactor.Sdk.Kubernetes;
using TwelveFactor.Sdk.Catalog;

namespace TwelveFactor.Sdk.Tasks;

/// <summary>
/// Writes the release's Kubernetes manifests for this project's process type (<see cref="WorkloadObjects"/>) into
/// the release folder (<see cref="ReleaseFolder"/>), once the image is pushed and its digest known.
/// </summary>
public sealed class WriteKubernetesManifests : TwelveFactorTask
{
    public string Directory { get; set; } = "";

    [Required]
    public string ProcessType { get; set; } = "";

    public string ReleaseId { get; set; } = "";

    public string? ProjectFile { get; set; }

    public string? AssemblyName { get; set; }

    /// <summary>TwelveFactorServiceName; derived from the assembly name when empty.</summary>
    public string? ServiceName { get; set; }

    public string? Version { get; set; }

    public string? Registry { get; set; }

    public string? Repository { get; set; }

    public string? Digest { get; set; }

    public ITaskItem[] Tags { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>The generated image configuration: the user and the exposed port.</summary>
    public string? ImageConfiguration { get; set; }

    public string? Port { get; set; }

    public string? LivenessPath { get; set; }

    public string? ReadinessPath { get; set; }

    public string? ShutdownTimeoutSeconds { get; set; }

    public string? PreStopSeconds { get; set; }

    public string? Replicas { get; set; }

    public string? AutoscaleMaxReplicas { get; set; }

    public string? AutoscaleCpuPercent { get; set; }

    public string? CpuRequest { get; set; }

    public string? MemoryRequest { get; set; }

    public string? CpuLimit { get; set; }

    public string? MemoryLimit { get; set; }

    /// <summary>TwelveFactorAdminCommand items: the name, Arguments (default the name), Schedule, TimeZone.</summary>
    public ITaskItem[] AdminCommands { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>TwelveFactorConfigVariable items: the variable's name, Required (true unless 'false').</summary>
    public ITaskItem[] ConfigVariables { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>Only check the settings (before the image is pushed, so that a typo does not cost a release id).</summary>
    public bool CheckOnly { get; set; }

    [Output]
    public string[] WrittenFiles { get; set; } = Array.Empty<string>();

    protected override void ExecuteCore()
    {
        var processType = ProcessType.Trim().ToLowerInvariant();
        if (!ReleaseWorkloadSettings.IsKnownProcessType(processType))
        {
            return;
        }

        var settings = new ReleaseWorkloadSettings();
        var image = ReadImage();
        var isWeb = processType == ProcessTypes.Web;
        var port = settings.WholeNumber("TwelveFactorPort", Port, image.ExposedTcpPorts.Count > 0 ? image.ExposedTcpPorts.Min() : 8080, 1, 65535);
        var replicas = settings.WholeNumber("TwelveFactorReplicas", Replicas, 1, 0, 1000);
        var maxReplicas = settings.WholeNumber("TwelveFactorAutoscaleMaxReplicas", AutoscaleMaxReplicas, 0, 0, 1000);
        var cpuPercent = settings.WholeNumber("TwelveFactorAutoscaleCpuPercent", AutoscaleCpuPercent, 70, 1, 100);
        var service = string.IsNullOrWhiteSpace(ServiceName)
            ? KubernetesNames.ServiceOf(AssemblyName ?? "", processType)
            : KubernetesNames.ToLabel(ServiceName!);
        var workload = new ReleaseWorkload
        {
            Service = service,
            ProcessType = processType,
            Image = ReleaseWorkloadSettings.ImageReference(Registry ?? "", Repository ?? "", Digest ?? "",
                Tags.Select(t => t.ItemSpec).Where(t => t.Length > 0).ToList()),
            ReleaseId = ReleaseId,
            Version = string.IsNullOrEmpty(Version) ? ReleaseId : Version!,
            RunAsUser = ReleaseWorkloadSettings.NumericUser(image.User),
            Port = port,
            LivenessPath = isWeb ? settings.ProbePath("TwelveFactorLivenessPath", LivenessPath, "/healthz") : null,
            ReadinessPath = isWeb ? settings.ProbePath("TwelveFactorReadinessPath", ReadinessPath, "/readyz") : null,
            ShutdownTimeoutSeconds = settings.WholeNumber("TwelveFactorShutdownTimeoutSeconds", ShutdownTimeoutSeconds, 30, 0, 3600),
            PreStopSeconds = settings.WholeNumber("TwelveFactorPreStopSeconds", PreStopSeconds, isWeb ? 5 : 0, 0, 600),
            Replicas = replicas,
            Autoscaling = maxReplicas > 0 && processType != ProcessTypes.Admin
                ? new Autoscaling(Math.Max(1, Math.Min(replicas, maxReplicas)), maxReplicas, cpuPercent)
                : null,
            Resources = new ResourceSettings(Text(CpuRequest, "100m"), Text(MemoryRequest, "128Mi"), Text(CpuLimit, ""), Text(MemoryLimit, "512Mi")),
            AdminCommands = processType == ProcessTypes.Admin ? ReadAdminCommands(settings) : Array.Empty<AdminCommandSpec>(),
            Variables = ConfigVariables
                .Select(v => new ConfigVariable(v.ItemSpec.Trim(), !string.Equals(v.GetMetadata("Required"), "false", StringComparison.OrdinalIgnoreCase)))
                .Where(v => v.Name.Length > 0)
                .GroupBy(v => v.Name, StringComparer.Ordinal)
                .Select(g => g.First() with { Required = g.Any(v => v.Required) })
                .ToList(),
        };

        var project = SourceLocation.WholeFile(ProjectFile ?? BuildEngine?.ProjectFileOfTaskNode ?? "");
        foreach (var (setting, value, expected) in settings.Problems)
        {
            LogDiagnostic(RuleIds.InvalidSetting, project, setting, value, expected);
        }

        if (settings.Problems.Count > 0 || CheckOnly)
        {
            return;
        }

        if (string.IsNullOrEmpty(Digest))
        {
            Log.LogWarning(null, null, null, project.File, 0, 0, 0, 0,
                "TwelveFactor: the image has no digest, so the Kubernetes manifests name it by tag ({0}); push it to a registry for a release that cannot change", workload.Image);
        }

        try
        {
            WrittenFiles = ReleaseFolder.Write(Directory, workload, TimeSpan.FromSeconds(60)).ToArray();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            LogDiagnostic(RuleIds.ReportNotWritten, project, Directory, ex.Message);
            return;
        }

        Log.LogMessage(MessageImportance.High, "TwelveFactor: Kubernetes manifests of {0} -> {1}", workload.Component, Path.Combine(Directory, workload.Component));
    }

    private ImageConfig ReadImage()
    {
        var empty = new ImageConfig("", new Dictionary<string, string>(), new HashSet<int>(), new Dictionary<string, string>());
        if (string.IsNullOrWhiteSpace(ImageConfiguration))
        {
            return empty;
        }

        try
        {
            return ImageConfig.Parse(ImageConfiguration!);
        }
        catch (System.Text.Json.JsonException)
        {
            // The image check reports a malformed configuration.
            return empty;
        }
    }

    private IReadOnlyList<AdminCommandSpec> ReadAdminCommands(ReleaseWorkloadSettings settings) =>
        AdminCommands
            .Where(c => c.ItemSpec.Trim().Length > 0)
            .Select(c =>
            {
                var name = KubernetesNames.ToLabel(c.ItemSpec);
                var arguments = Text(c.GetMetadata("Arguments"), c.ItemSpec).Split(' ', StringSplitOptions.RemoveEmptyEntries);
                var timeZone = c.GetMetadata("TimeZone");
                return new AdminCommandSpec(name, arguments, settings.Schedule(c.ItemSpec, c.GetMetadata("Schedule")),
                    string.IsNullOrWhiteSpace(timeZone) ? null : timeZone.Trim());
            })
            .ToList();

    private static string Text(string? value, string fallback) => string.IsNullOrWhiteSpace(value) ? fallback : value!.Trim();
}
