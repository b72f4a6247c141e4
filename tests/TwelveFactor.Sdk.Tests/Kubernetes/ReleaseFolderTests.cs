using TwelveFactor.Sdk.Kubernetes;
using TwelveFactor.Sdk.Testing;

namespace TwelveFactor.Sdk.Tests.Kubernetes;

public sealed class ReleaseFolderTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "twelvefactor-tests", "kubernetes-" + Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public void Each_process_type_gets_a_folder_and_the_top_level_kustomization_lists_those_with_objects_to_apply()
    {
        ReleaseFolder.Write(_directory, Workloads.Web, TimeSpan.FromSeconds(10));
        ReleaseFolder.Write(_directory, Workloads.Worker, TimeSpan.FromSeconds(10));
        ReleaseFolder.Write(_directory, Workloads.Admin with { AdminCommands = Workloads.Admin.AdminCommands.Take(1).ToList() }, TimeSpan.FromSeconds(10));

        Assert.Equal(ReleaseFolder.KustomizationText(new[] { "orders-web", "orders-worker" }), Read("kustomization.yaml"));
        Assert.Equal(ReleaseFolder.KustomizationText(new[] { "deployment.yaml", "service.yaml" }), Read("orders-web/kustomization.yaml"));
        Assert.True(File.Exists(Path.Combine(_directory, "orders-admin", "job-migrate.yaml")));
        Assert.False(File.Exists(Path.Combine(_directory, "orders-admin", "kustomization.yaml")));
    }

    [Fact]
    public void Projects_writing_at_the_same_time_all_end_up_in_the_kustomization()
    {
        var workloads = Enumerable.Range(0, 8).Select(i => Workloads.Worker with { Service = "svc" + i }).ToList();

        Parallel.ForEach(workloads, new ParallelOptions { MaxDegreeOfParallelism = 8 }, w => ReleaseFolder.Write(_directory, w, TimeSpan.FromSeconds(30)));

        Assert.Equal(ReleaseFolder.KustomizationText(workloads.Select(w => w.Component).Order(StringComparer.Ordinal)), Read("kustomization.yaml"));
    }

    [Fact]
    public void The_config_example_names_every_variable_and_the_processes_that_read_it_without_a_value()
    {
        ReleaseFolder.Write(_directory, Workloads.Web, TimeSpan.FromSeconds(10));
        ReleaseFolder.Write(_directory, Workloads.Worker, TimeSpan.FromSeconds(10));
        ReleaseFolder.Write(_directory, Workloads.Admin, TimeSpan.FromSeconds(10));

        var example = Read("orders.env.example");
        Assert.Contains("# required (admin, web, worker)\nDATABASE_URL=\n", example);
        Assert.Contains("# optional (web)\n# SHUTDOWN_TIMEOUT_SECONDS=\n", example);
        Assert.Contains("# optional (worker)\n# WORKER_POLL_SECONDS=\n", example);
        Assert.Contains("kubectl create secret generic orders --from-env-file=orders.env", example);
        Assert.DoesNotMatch("(?m)^[A-Z_]+=.", example);
    }

    [Fact]
    public void A_command_dropped_from_the_next_release_leaves_no_file_behind()
    {
        ReleaseFolder.Write(_directory, Workloads.Admin, TimeSpan.FromSeconds(10));
        ReleaseFolder.Write(_directory, Workloads.Admin with { AdminCommands = Workloads.Admin.AdminCommands.Take(1).ToList() }, TimeSpan.FromSeconds(10));

        Assert.Equal(new[] { "config.env.example", "job-migrate.yaml" },
            Directory.GetFiles(Path.Combine(_directory, "orders-admin")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [SchemaFact]
    public void Every_generated_object_is_valid_against_the_Kubernetes_API_schema()
    {
        ReleaseFolder.Write(_directory, Workloads.Web, TimeSpan.FromSeconds(10));
        ReleaseFolder.Write(_directory, Workloads.Worker with { Autoscaling = new Autoscaling(2, 6, 70) }, TimeSpan.FromSeconds(10));
        ReleaseFolder.Write(_directory, Workloads.Admin, TimeSpan.FromSeconds(10));

        var results = KubernetesSchema.Validate(Directory.GetFiles(_directory, "*.yaml", SearchOption.AllDirectories));

        Assert.All(results, r => Assert.Null(r.Error));
        Assert.Equal(
            new[] { "Deployment orders-web", "Deployment orders-worker", "HorizontalPodAutoscaler orders-worker", "Job orders-migrate-1-4-0-3f2a9c1", "CronJob orders-purge-jobs", "Service orders-web" }.Order(),
            results.Where(r => r.Kind != "Kustomization").Select(r => r.Kind + " " + r.Name).Order());
        Assert.Equal(4, results.Count(r => r.Kind == "Kustomization"));
    }

    [SchemaFact]
    public void The_schema_check_can_fail()
    {
        Directory.CreateDirectory(_directory);
        var file = Path.Combine(_directory, "broken.yaml");
        File.WriteAllText(file, YamlText.Write(WorkloadObjects.Deployment(Workloads.Web)).Replace("replicas: 2", "replicas: two"));

        var result = Assert.Single(KubernetesSchema.Validate(new[] { file }));

        Assert.Contains("replicas", result.Error);
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private string Read(string path) => File.ReadAllText(Path.Combine(_directory, path));
}

/// <summary>A test that needs node and npm: skipped, with the reason, only where they are missing.</summary>
public sealed class SchemaFactAttribute : FactAttribute
{
    public SchemaFactAttribute()
    {
        if (KubernetesSchema.Unavailable is { } reason)
        {
            Skip = reason;
        }
    }
}
