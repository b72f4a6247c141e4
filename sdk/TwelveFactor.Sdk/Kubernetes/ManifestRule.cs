using TwelveFactor.Sdk.Reading;
using TwelveFactor.Sdk.Knowledge;
using TwelveFactor.Sdk.Policy;
using TwelveFactor.Sdk.Catalog;

namespace TwelveFactor.Sdk.Kubernetes;

/// <summary>
/// Manifests a service keeps by hand (a deploy/ or k8s/ folder): the factor rules that apply to a pod spec, in
/// every workload kind (Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob).
///   TF0504 an image by tag (or latest) rather than by digest;
///   TF0303 a secret's value written into a container's env (a secretKeyRef is the fix, and is not reported);
///   TF0903 a container that serves a port with neither a readiness nor a liveness probe;
///   TF0901 a pod or container that runs as user 0 or says runAsNonRoot: false;
///   TF0602 a hostPath volume mounted writable (state on the node).
/// </summary>
public static class ManifestRule
{
    private static readonly HashSet<string> WorkloadKinds = new(StringComparer.Ordinal)
    {
        "Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "CronJob", "ReplicationController",
    };

    public static IEnumerable<Finding> Check(string file, string text)
    {
        var (documents, problem) = ManifestYaml.Read(text);
        var findings = new List<Finding>();
        if (problem is { } p)
        {
            findings.Add(Finding.At(RuleIds.MalformedFile, new SourceLocation(file, p.Line, 1), "yaml", $"{Path.GetFileName(file)}({p.Line}): {p.Message}"));
        }

        foreach (var document in documents)
        {
            var kind = document["kind"]?.Scalar;
            if (kind is null || !WorkloadKinds.Contains(kind))
            {
                continue;
            }

            var name = document["metadata"]?["name"]?.Scalar ?? "";
            var pod = PodSpec(document, kind);
            if (pod is not null)
            {
                findings.AddRange(CheckPod(file, $"{kind}/{name}", pod));
            }
        }

        return findings;
    }

    private static YamlNode? PodSpec(YamlNode document, string kind) => kind switch
    {
        "Pod" => document["spec"],
        "CronJob" => document["spec"]?["jobTemplate"]?["spec"]?["template"]?["spec"],
        _ => document["spec"]?["template"]?["spec"],
    };

    private static IEnumerable<Finding> CheckPod(string file, string workload, YamlNode pod)
    {
        var podUser = pod["securityContext"];
        foreach (var finding in RootUser(file, workload, "pod", podUser))
        {
            yield return finding;
        }

        var writableHostMounts = new HashSet<string>(StringComparer.Ordinal);
        var containers = pod["containers"]?.Items.Concat(pod["initContainers"]?.Items ?? Array.Empty<YamlNode>()) ?? Array.Empty<YamlNode>();
        foreach (var container in containers)
        {
            var name = container["name"]?.Scalar ?? "";
            var where = $"{workload} container '{name}'";
            if (container["image"] is { Scalar: { Length: > 0 } image } imageNode && !image.Contains('$') && ImageReference.TryParse(image, out var reference) && !reference.IsPinned)
            {
                var tag = reference.Tag is null ? "no tag (latest)" : reference.Tag == "latest" ? "the tag 'latest'" : $"the tag '{reference.Tag}'";
                yield return Finding.At(RuleIds.UnpinnedDeployedImage, At(file, imageNode), $"{workload}/{name}/image", image, where, tag);
            }

            foreach (var variable in container["env"]?.Items ?? Array.Empty<YamlNode>())
            {
                var variableName = variable["name"]?.Scalar ?? "";
                if (variable["value"] is { } value && SecretScanner.ScanVariable(variableName, value.Scalar) is { } secretKind)
                {
                    yield return Finding.At(RuleIds.Secret, At(file, value), $"{workload}/{name}/env/{variableName}", secretKind, Path.GetFileName(file), $"env {variableName} of {where}");
                }
            }

            if (container["ports"]?.Items.Any() == true && container["readinessProbe"] is null && container["livenessProbe"] is null && container["startupProbe"] is null)
            {
                yield return Finding.At(RuleIds.NoHealthProbes, new SourceLocation(file, container.LineOf("ports"), 1), $"{workload}/{name}/probes", where);
            }

            foreach (var finding in RootUser(file, workload, $"container '{name}'", container["securityContext"]))
            {
                yield return finding;
            }

            foreach (var mount in container["volumeMounts"]?.Items ?? Array.Empty<YamlNode>())
            {
                if (mount["readOnly"]?.Scalar != "true" && mount["name"]?.Scalar is { } volume)
                {
                    writableHostMounts.Add(volume);
                }
            }
        }

        foreach (var volume in pod["volumes"]?.Items ?? Array.Empty<YamlNode>())
        {
            var name = volume["name"]?.Scalar ?? "";
            if (volume["hostPath"] is { } hostPath && writableHostMounts.Contains(name))
            {
                var path = hostPath["path"]?.Scalar ?? "";
                yield return Finding.At(RuleIds.HostPathState, new SourceLocation(file, volume.LineOf("hostPath"), 1), $"{workload}/volumes/{name}", name, path, workload);
            }
        }
    }

    private static IEnumerable<Finding> RootUser(string file, string workload, string subject, YamlNode? securityContext)
    {
        if (securityContext is null)
        {
            yield break;
        }

        if (securityContext["runAsUser"] is { Scalar: "0" } user)
        {
            yield return Finding.At(RuleIds.RunsAsRoot, At(file, user), $"{workload}/{subject}/runAsUser",
                $"{workload}: the {subject} runs as root (its securityContext sets runAsUser: 0)");
        }
        else if (securityContext["runAsNonRoot"] is { Scalar: "false" } nonRoot)
        {
            yield return Finding.At(RuleIds.RunsAsRoot, At(file, nonRoot), $"{workload}/{subject}/runAsNonRoot",
                $"{workload}: the {subject} may run as root (its securityContext sets runAsNonRoot: false)");
        }
    }

    private static SourceLocation At(string file, YamlNode node) => new(file, node.Line, 1);
}
