using System.Text.Json.Nodes;
using TwelveFactor.Sdk.Kubernetes;

namespace TwelveFactor.Sdk.Tests.Kubernetes;

public sealed class WorkloadObjectsTests
{
    [Fact]
    public void Web_is_a_deployment_and_a_service_of_the_image_by_digest()
    {
        var manifests = WorkloadObjects.Create(Workloads.Web);

        Assert.Equal(new[] { "deployment.yaml", "service.yaml" }, manifests.Applied.Select(m => m.FileName));
        Assert.Empty(manifests.OneOff);
        var deployment = manifests.Applied[0].Content;
        Assert.Equal("orders-web", (string?)deployment["metadata"]!["name"]);
        Assert.Equal(2, (int?)deployment["spec"]!["replicas"]);
        var container = Container(deployment);
        Assert.Equal("registry.example/orders-web@" + Workloads.Digest, (string?)container["image"]);
        Assert.Equal(8080, (int?)container["ports"]![0]!["containerPort"]);
        Assert.Equal("http", (string?)manifests.Applied[1].Content["spec"]!["ports"]![0]!["targetPort"]);
    }

    [Fact]
    public void Labels_name_the_service_the_process_type_the_version_and_the_release_but_the_selector_only_what_stays()
    {
        var deployment = WorkloadObjects.Deployment(Workloads.Web);
        var labels = deployment["spec"]!["template"]!["metadata"]!["labels"]!.AsObject();

        Assert.Equal("orders-web", (string?)labels["app.kubernetes.io/name"]);
        Assert.Equal("orders", (string?)labels["app.kubernetes.io/part-of"]);
        Assert.Equal("web", (string?)labels["app.kubernetes.io/component"]);
        Assert.Equal("1.4.0", (string?)labels["app.kubernetes.io/version"]);
        Assert.Equal("1.4.0-3f2a9c1", (string?)labels["io.twelvefactor/release"]);
        var selector = deployment["spec"]!["selector"]!["matchLabels"]!.AsObject();
        Assert.Equal(new[] { "app.kubernetes.io/name", "app.kubernetes.io/part-of" }, selector.Select(p => p.Key));
    }

    [Fact]
    public void Config_comes_by_reference_only_and_the_port_is_the_one_value_in_the_pod()
    {
        var container = Container(WorkloadObjects.Deployment(Workloads.Web));

        var env = container["env"]!.AsArray();
        Assert.Equal("PORT=8080", Assert.Single(env.Select(e => (string?)e!["name"] + "=" + (string?)e!["value"])));
        var envFrom = container["envFrom"]!.AsArray();
        Assert.Equal("orders", (string?)envFrom[0]!["configMapRef"]!["name"]);
        Assert.Equal("orders", (string?)envFrom[1]!["secretRef"]!["name"]);
        Assert.False((bool?)envFrom[1]!["secretRef"]!["optional"]);
        Assert.Null(Container(WorkloadObjects.Deployment(Workloads.Worker))["env"]);
    }

    [Fact]
    public void A_service_that_requires_no_variable_does_not_need_its_secret()
    {
        var container = Container(WorkloadObjects.Deployment(Workloads.Worker with { Variables = new[] { new ConfigVariable("WORKER_POLL_SECONDS", false) } }));

        Assert.True((bool?)container["envFrom"]![1]!["secretRef"]!["optional"]);
    }

    [Fact]
    public void Web_pods_are_probed_drain_before_SIGTERM_and_get_longer_than_their_shutdown_timeout()
    {
        var deployment = WorkloadObjects.Deployment(Workloads.Web);
        var container = Container(deployment);

        Assert.Equal("/healthz", (string?)container["livenessProbe"]!["httpGet"]!["path"]);
        Assert.Equal("/readyz", (string?)container["readinessProbe"]!["httpGet"]!["path"]);
        Assert.Equal("http", (string?)container["readinessProbe"]!["httpGet"]!["port"]);
        Assert.Equal(5, (int?)container["lifecycle"]!["preStop"]!["sleep"]!["seconds"]);
        var grace = (int)deployment["spec"]!["template"]!["spec"]!["terminationGracePeriodSeconds"]!;
        Assert.True(grace > 25 + 5, $"grace period {grace} s");
    }

    [Fact]
    public void Workers_have_no_http_probes_no_service_and_no_pause()
    {
        var manifests = WorkloadObjects.Create(Workloads.Worker);

        Assert.Equal(new[] { "deployment.yaml" }, manifests.Applied.Select(m => m.FileName));
        var container = Container(manifests.Applied[0].Content);
        Assert.Null(container["livenessProbe"]);
        Assert.Null(container["ports"]);
        Assert.Null(container["lifecycle"]);
    }

    [Fact]
    public void Pods_run_as_the_images_non_root_user_on_a_read_only_root_with_a_writable_tmp()
    {
        var pod = WorkloadObjects.Deployment(Workloads.Web)["spec"]!["template"]!["spec"]!;
        var container = pod["containers"]![0]!;

        Assert.True((bool?)pod["securityContext"]!["runAsNonRoot"]);
        Assert.Equal(1654, (long?)pod["securityContext"]!["runAsUser"]);
        Assert.Equal("RuntimeDefault", (string?)pod["securityContext"]!["seccompProfile"]!["type"]);
        Assert.True((bool?)container["securityContext"]!["readOnlyRootFilesystem"]);
        Assert.False((bool?)container["securityContext"]!["allowPrivilegeEscalation"]);
        Assert.Equal("ALL", (string?)container["securityContext"]!["capabilities"]!["drop"]![0]);
        Assert.Equal("/tmp", (string?)container["volumeMounts"]![0]!["mountPath"]);
        Assert.NotNull(pod["volumes"]![0]!["emptyDir"]);
        Assert.False((bool?)pod["automountServiceAccountToken"]);
    }

    [Fact]
    public void An_image_that_names_its_user_gets_no_uid_but_still_must_not_be_root()
    {
        var pod = WorkloadObjects.Deployment(Workloads.Web with { RunAsUser = null })["spec"]!["template"]!["spec"]!;

        Assert.True((bool?)pod["securityContext"]!["runAsNonRoot"]);
        Assert.Null(pod["securityContext"]!["runAsUser"]);
    }

    [Fact]
    public void Resources_come_from_the_settings_and_an_empty_one_is_left_out()
    {
        var workload = Workloads.Web with { Resources = new ResourceSettings("250m", "256Mi", "", "1Gi") };

        var resources = Container(WorkloadObjects.Deployment(workload))["resources"]!;

        Assert.Equal("250m", (string?)resources["requests"]!["cpu"]);
        Assert.Equal("256Mi", (string?)resources["requests"]!["memory"]);
        Assert.Equal("1Gi", (string?)resources["limits"]!["memory"]);
        Assert.Null(resources["limits"]!["cpu"]);
    }

    [Fact]
    public void An_autoscaler_takes_over_the_replica_count()
    {
        var manifests = WorkloadObjects.Create(Workloads.Worker with { Autoscaling = new Autoscaling(2, 10, 70) });

        Assert.Equal(new[] { "deployment.yaml", "autoscaler.yaml" }, manifests.Applied.Select(m => m.FileName));
        Assert.Null(manifests.Applied[0].Content["spec"]!["replicas"]);
        var autoscaler = manifests.Applied[1].Content;
        Assert.Equal("orders-worker", (string?)autoscaler["spec"]!["scaleTargetRef"]!["name"]);
        Assert.Equal(10, (int?)autoscaler["spec"]!["maxReplicas"]);
    }

    [Fact]
    public void Admin_commands_are_one_off_jobs_of_the_release_and_scheduled_ones_cron_jobs_that_never_overlap()
    {
        var manifests = WorkloadObjects.Create(Workloads.Admin);

        var job = Assert.Single(manifests.OneOff);
        Assert.Equal("job-migrate.yaml", job.FileName);
        Assert.Equal("orders-migrate-1-4-0-3f2a9c1", (string?)job.Content["metadata"]!["name"]);
        var jobPod = job.Content["spec"]!["template"]!["spec"]!;
        Assert.Equal("Never", (string?)jobPod["restartPolicy"]);
        Assert.Equal("migrate", (string?)jobPod["containers"]![0]!["args"]![0]);

        var cron = Assert.Single(manifests.Applied);
        Assert.Equal("cronjob-purge-jobs.yaml", cron.FileName);
        var spec = cron.Content["spec"]!;
        Assert.Equal("0 3 * * *", (string?)spec["schedule"]);
        Assert.Equal("Etc/UTC", (string?)spec["timeZone"]);
        Assert.Equal("Forbid", (string?)spec["concurrencyPolicy"]);
        Assert.Equal(3, (int?)spec["successfulJobsHistoryLimit"]);
        var args = spec["jobTemplate"]!["spec"]!["template"]!["spec"]!["containers"]![0]!["args"]!.AsArray();
        Assert.Equal(new[] { "jobs", "purge" }, args.Select(a => (string?)a));
    }

    private static JsonNode Container(JsonObject workload) => workload["spec"]!["template"]!["spec"]!["containers"]![0]!;
}
