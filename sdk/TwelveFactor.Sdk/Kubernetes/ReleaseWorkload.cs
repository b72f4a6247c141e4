using TwelveFactor.Sdk.Knowledge;
namespace TwelveFactor.Sdk.Kubernetes;

/// <summary>
/// One process type of a release, as the Kubernetes manifests describe it: what runs (the image by digest and its
/// user), how many (factor VIII), how it is probed and stopped (factor IX), and which config it reads by name
/// (factor III). Built from the project's properties and the pushed image by <see cref="ReleaseWorkloadSettings"/>.
/// </summary>
public sealed record ReleaseWorkload
{
    /// <summary>The service the process belongs to (app.kubernetes.io/part-of; the Secret's and ConfigMap's name).</summary>
    public required string Service { get; init; }

    /// <summary>web, worker or admin.</summary>
    public required string ProcessType { get; init; }

    /// <summary>registry/repository@sha256:... (a tag only when the image has no digest).</summary>
    public required string Image { get; init; }

    public required string ReleaseId { get; init; }

    public required string Version { get; init; }

    /// <summary>The image's numeric user; null when the image names its user (Kubernetes then cannot check non-root itself).</summary>
    public long? RunAsUser { get; init; }

    /// <summary>The port a web process binds (PORT in the pod).</summary>
    public int Port { get; init; } = 8080;

    /// <summary>Null: no liveness probe.</summary>
    public string? LivenessPath { get; init; }

    /// <summary>Null: no readiness probe.</summary>
    public string? ReadinessPath { get; init; }

    /// <summary>How long the process takes at most, after SIGTERM, to finish its work.</summary>
    public int ShutdownTimeoutSeconds { get; init; } = 30;

    /// <summary>How long a pod waits before SIGTERM so that endpoints stop sending it requests first.</summary>
    public int PreStopSeconds { get; init; }

    public int Replicas { get; init; } = 1;

    /// <summary>Null: no HorizontalPodAutoscaler.</summary>
    public Autoscaling? Autoscaling { get; init; }

    public ResourceSettings Resources { get; init; } = new("100m", "128Mi", "", "512Mi");

    /// <summary>The admin commands declared for an admin process: a Job each, a CronJob when scheduled.</summary>
    public IReadOnlyList<AdminCommandSpec> AdminCommands { get; init; } = Array.Empty<AdminCommandSpec>();

    /// <summary>The environment variables the process reads; their values come from the Secret or ConfigMap.</summary>
    public IReadOnlyList<ConfigVariable> Variables { get; init; } = Array.Empty<ConfigVariable>();

    /// <summary>service-processtype, the name of the Deployment, Service and autoscaler.</summary>
    public string Component => KubernetesNames.Join(Service, ProcessType);

    /// <summary>The grace period: the shutdown timeout, the preStop pause, and a margin for the runtime itself.</summary>
    public int TerminationGracePeriodSeconds => ShutdownTimeoutSeconds + PreStopSeconds + 5;

    public bool IsWeb => ProcessType == ProcessTypes.Web;
}

public sealed record Autoscaling(int MinReplicas, int MaxReplicas, int CpuUtilizationPercent);

/// <summary>Requests and limits; an empty value is left out.</summary>
public sealed record ResourceSettings(string CpuRequest, string MemoryRequest, string CpuLimit, string MemoryLimit);

/// <summary>An admin command: its name (a DNS label), the arguments given to the image's entry point, an optional cron schedule.</summary>
public sealed record AdminCommandSpec(string Name, IReadOnlyList<string> Arguments, string? Schedule, string? TimeZone = null);

/// <summary>A variable the process reads from its environment; required ones must be in the Secret or ConfigMap.</summary>
public sealed record ConfigVariable(string Name, bool Required, string? Description = null);
