using TwelveFactor.Sdk.Knowledge;
using System.Text.Json.Nodes;

namespace TwelveFactor.Sdk.Kubernetes;

/// <summary>
/// The Kubernetes objects of one process type: web a Deployment and a Service, worker a Deployment, admin a Job
/// per command (a CronJob when the command has a schedule), web and worker an optional HorizontalPodAutoscaler.
/// Every pod runs the image by digest as its non-root user on a read-only root file system, reads its config from
/// the service's Secret and ConfigMap by name only, and is given more time to stop than the process needs.
/// </summary>
public static class WorkloadObjects
{
    public const string NameLabel = "app.kubernetes.io/name";
    public const string PartOfLabel = "app.kubernetes.io/part-of";
    public const string ComponentLabel = "app.kubernetes.io/component";
    public const string VersionLabel = "app.kubernetes.io/version";
    public const string ManagedByLabel = "app.kubernetes.io/managed-by";
    public const string ReleaseLabel = "io.twelvefactor/release";
    public const string PortName = "http";
    public const string TmpVolume = "tmp";

    /// <summary>The long-running objects (applied with the kustomization) and the one-off Jobs (run per release).</summary>
    public static WorkloadManifests Create(ReleaseWorkload workload)
    {
        var applied = new List<ManifestObject>();
        var oneOff = new List<ManifestObject>();
        if (workload.ProcessType == ProcessTypes.Admin)
        {
            foreach (var command in workload.AdminCommands)
            {
                if (command.Schedule is null)
                {
                    oneOff.Add(new ManifestObject("job-" + command.Name + ".yaml", Job(workload, command)));
                }
                else
                {
                    applied.Add(new ManifestObject("cronjob-" + command.Name + ".yaml", CronJob(workload, command)));
                }
            }

            return new WorkloadManifests(applied, oneOff);
        }

        applied.Add(new ManifestObject("deployment.yaml", Deployment(workload)));
        if (workload.IsWeb)
        {
            applied.Add(new ManifestObject("service.yaml", Service(workload)));
        }

        if (workload.Autoscaling is not null)
        {
            applied.Add(new ManifestObject("autoscaler.yaml", Autoscaler(workload, workload.Autoscaling)));
        }

        return new WorkloadManifests(applied, oneOff);
    }

    public static JsonObject Deployment(ReleaseWorkload workload)
    {
        var spec = new JsonObject();
        if (workload.Autoscaling is null)
        {
            // With an autoscaler the replica count is its to set; a value here would reset it on every apply.
            spec["replicas"] = workload.Replicas;
        }

        spec["revisionHistoryLimit"] = 5;
        spec["selector"] = new JsonObject { ["matchLabels"] = SelectorLabels(workload.Component, workload.Service) };
        spec["strategy"] = new JsonObject
        {
            ["type"] = "RollingUpdate",
            ["rollingUpdate"] = new JsonObject { ["maxUnavailable"] = 0, ["maxSurge"] = 1 },
        };
        spec["template"] = PodTemplate(workload, workload.Component, Container(workload, workload.ProcessType, null), "Always");
        return Object("apps/v1", "Deployment", Metadata(workload, workload.Component), spec);
    }

    public static JsonObject Service(ReleaseWorkload workload) =>
        Object("v1", "Service", Metadata(workload, workload.Component), new JsonObject
        {
            ["type"] = "ClusterIP",
            ["selector"] = SelectorLabels(workload.Component, workload.Service),
            ["ports"] = new JsonArray(new JsonObject
            {
                ["name"] = PortName,
                ["port"] = 80,
                ["targetPort"] = PortName,
                ["protocol"] = "TCP",
            }),
        });

    public static JsonObject Autoscaler(ReleaseWorkload workload, Autoscaling autoscaling) =>
        Object("autoscaling/v2", "HorizontalPodAutoscaler", Metadata(workload, workload.Component), new JsonObject
        {
            ["scaleTargetRef"] = new JsonObject { ["apiVersion"] = "apps/v1", ["kind"] = "Deployment", ["name"] = workload.Component },
            ["minReplicas"] = autoscaling.MinReplicas,
            ["maxReplicas"] = autoscaling.MaxReplicas,
            ["metrics"] = new JsonArray(new JsonObject
            {
                ["type"] = "Resource",
                ["resource"] = new JsonObject
                {
                    ["name"] = "cpu",
                    ["target"] = new JsonObject { ["type"] = "Utilization", ["averageUtilization"] = autoscaling.CpuUtilizationPercent },
                },
            }),
        });

    /// <summary>A one-off Job, named after the command and the release so that every release runs it anew.</summary>
    public static JsonObject Job(ReleaseWorkload workload, AdminCommandSpec command)
    {
        var name = KubernetesNames.Join(workload.Service, command.Name, workload.ReleaseId);
        return Object("batch/v1", "Job", Metadata(workload, name), JobSpec(workload, command, name, backoffLimit: 1, ttl: true));
    }

    /// <summary>A scheduled command: never two at once, a short history of runs.</summary>
    public static JsonObject CronJob(ReleaseWorkload workload, AdminCommandSpec command)
    {
        var name = KubernetesNames.Join(workload.Service, command.Name);
        var spec = new JsonObject { ["schedule"] = command.Schedule };
        if (!string.IsNullOrEmpty(command.TimeZone))
        {
            spec["timeZone"] = command.TimeZone;
        }

        spec["concurrencyPolicy"] = "Forbid";
        spec["startingDeadlineSeconds"] = 300;
        spec["successfulJobsHistoryLimit"] = 3;
        spec["failedJobsHistoryLimit"] = 3;
        spec["jobTemplate"] = new JsonObject
        {
            ["metadata"] = new JsonObject { ["labels"] = Labels(workload, name) },
            ["spec"] = JobSpec(workload, command, name, backoffLimit: 0, ttl: false),
        };
        return Object("batch/v1", "CronJob", Metadata(workload, name), spec);
    }

    private static JsonObject JobSpec(ReleaseWorkload workload, AdminCommandSpec command, string name, int backoffLimit, bool ttl)
    {
        var spec = new JsonObject { ["backoffLimit"] = backoffLimit };
        if (ttl)
        {
            spec["ttlSecondsAfterFinished"] = 86400;
        }

        spec["template"] = PodTemplate(workload, name, Container(workload, workload.ProcessType, command.Arguments), "Never");
        return spec;
    }

    private static JsonObject PodTemplate(ReleaseWorkload workload, string name, JsonObject container, string restartPolicy)
    {
        var security = new JsonObject { ["runAsNonRoot"] = true };
        if (workload.RunAsUser is { } user)
        {
            security["runAsUser"] = user;
            security["runAsGroup"] = user;
        }

        security["seccompProfile"] = new JsonObject { ["type"] = "RuntimeDefault" };
        var spec = new JsonObject
        {
            ["automountServiceAccountToken"] = false,
            // Config comes from the service's own Secret and ConfigMap, not from variables naming other services.
            ["enableServiceLinks"] = false,
            ["restartPolicy"] = restartPolicy,
            ["terminationGracePeriodSeconds"] = workload.TerminationGracePeriodSeconds,
            ["securityContext"] = security,
            ["containers"] = new JsonArray(container),
            ["volumes"] = new JsonArray(new JsonObject { ["name"] = TmpVolume, ["emptyDir"] = new JsonObject { ["sizeLimit"] = "64Mi" } }),
        };
        return new JsonObject { ["metadata"] = new JsonObject { ["labels"] = Labels(workload, name) }, ["spec"] = spec };
    }

    private static JsonObject Container(ReleaseWorkload workload, string name, IReadOnlyList<string>? arguments)
    {
        var container = new JsonObject { ["name"] = name, ["image"] = workload.Image, ["imagePullPolicy"] = "IfNotPresent" };
        if (arguments is not null)
        {
            // The image's entry point stays; the command's words are its arguments.
            container["args"] = new JsonArray(arguments.Select(a => (JsonNode?)JsonValue.Create(a)).ToArray());
        }

        if (workload.IsWeb)
        {
            container["ports"] = new JsonArray(new JsonObject { ["name"] = PortName, ["containerPort"] = workload.Port, ["protocol"] = "TCP" });
            container["env"] = new JsonArray(new JsonObject { ["name"] = "PORT", ["value"] = workload.Port.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        }

        var configIsRequired = workload.Variables.Any(v => v.Required);
        container["envFrom"] = new JsonArray(
            new JsonObject { ["configMapRef"] = new JsonObject { ["name"] = workload.Service, ["optional"] = true } },
            new JsonObject { ["secretRef"] = new JsonObject { ["name"] = workload.Service, ["optional"] = !configIsRequired } });
        container["resources"] = Resources(workload.Resources);
        if (workload.IsWeb)
        {
            if (workload.LivenessPath is { } liveness)
            {
                container["livenessProbe"] = Probe(liveness, periodSeconds: 10, failureThreshold: 3);
            }

            if (workload.ReadinessPath is { } readiness)
            {
                container["readinessProbe"] = Probe(readiness, periodSeconds: 5, failureThreshold: 2);
            }

            if (workload.PreStopSeconds > 0)
            {
                // A sleep handled by the kubelet: the image needs no shell, and endpoints drain before SIGTERM.
                container["lifecycle"] = new JsonObject
                {
                    ["preStop"] = new JsonObject { ["sleep"] = new JsonObject { ["seconds"] = workload.PreStopSeconds } },
                };
            }
        }

        container["securityContext"] = new JsonObject
        {
            ["allowPrivilegeEscalation"] = false,
            ["privileged"] = false,
            ["readOnlyRootFilesystem"] = true,
            ["capabilities"] = new JsonObject { ["drop"] = new JsonArray("ALL") },
        };
        container["volumeMounts"] = new JsonArray(new JsonObject { ["name"] = TmpVolume, ["mountPath"] = "/tmp" });
        return container;
    }

    private static JsonObject Probe(string path, int periodSeconds, int failureThreshold) => new()
    {
        ["httpGet"] = new JsonObject { ["path"] = path, ["port"] = PortName },
        ["periodSeconds"] = periodSeconds,
        ["timeoutSeconds"] = 2,
        ["failureThreshold"] = failureThreshold,
    };

    private static JsonObject Resources(ResourceSettings resources)
    {
        var requests = new JsonObject();
        var limits = new JsonObject();
        AddIfSet(requests, "cpu", resources.CpuRequest);
        AddIfSet(requests, "memory", resources.MemoryRequest);
        AddIfSet(limits, "cpu", resources.CpuLimit);
        AddIfSet(limits, "memory", resources.MemoryLimit);
        var result = new JsonObject();
        if (requests.Count > 0)
        {
            result["requests"] = requests;
        }

        if (limits.Count > 0)
        {
            result["limits"] = limits;
        }

        return result;
    }

    private static void AddIfSet(JsonObject target, string name, string value)
    {
        if (value.Length > 0)
        {
            target[name] = value;
        }
    }

    /// <summary>What selects a component's pods: never the version or release, which change on every rollout.</summary>
    public static JsonObject SelectorLabels(string name, string service) => new()
    {
        [NameLabel] = name,
        [PartOfLabel] = service,
    };

    public static JsonObject Labels(ReleaseWorkload workload, string name)
    {
        var labels = SelectorLabels(name, workload.Service);
        labels[ComponentLabel] = workload.ProcessType;
        labels[VersionLabel] = KubernetesNames.ToLabelValue(workload.Version);
        labels[ManagedByLabel] = "TwelveFactor.Sdk";
        labels[ReleaseLabel] = KubernetesNames.ToLabelValue(workload.ReleaseId);
        return labels;
    }

    private static JsonObject Metadata(ReleaseWorkload workload, string name) => new()
    {
        ["name"] = name,
        ["labels"] = Labels(workload, name),
    };

    private static JsonObject Object(string apiVersion, string kind, JsonObject metadata, JsonObject spec) => new()
    {
        ["apiVersion"] = apiVersion,
        ["kind"] = kind,
        ["metadata"] = metadata,
        ["spec"] = spec,
    };
}

/// <summary>One file's object.</summary>
public sealed record ManifestObject(string FileName, JsonObject Content);

/// <summary>A process type's objects: those the kustomization applies, and the one-off Jobs run by hand per release.</summary>
public sealed record WorkloadManifests(IReadOnlyList<ManifestObject> Applied, IReadOnlyList<ManifestObject> OneOff);
