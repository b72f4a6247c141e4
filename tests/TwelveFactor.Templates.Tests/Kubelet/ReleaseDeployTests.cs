using System.Net.Http.Json;
using TwelveFactor.Sdk.ContainerTests;

namespace TwelveFactor.Templates.Tests.Kubelet;

/// <summary>
/// The generated service's release, deployed without a cluster: every object its manifests hold is valid against
/// the Kubernetes API schema, and its pods run as a kubelet would run them (<see cref="Pod"/>) against PostgreSQL:
/// the migrate Job, the web Deployment behind its probes, two worker replicas sharing the queue, the nightly CronJob.
/// </summary>
[Collection(ReleasedServiceCollection.Name)]
public sealed class ReleaseDeployTests
{
    private readonly ReleasedService _service;

    public ReleaseDeployTests(ReleasedService service) => _service = service;

    [DeployFact]
    public void The_release_holds_valid_manifests_for_every_process_type_that_name_each_pushed_image_by_digest()
    {
        Assert.True(_service.Release!.Succeeded, _service.Release.ToString());
        Assert.All(_service.Objects, o => Assert.Null(o.Error));
        Assert.Equal(
            new[] { "CronJob orders-purge-jobs", "Deployment orders-web", "Deployment orders-worker", "Job orders-migrate-", "Kustomization ", "Kustomization ", "Kustomization ", "Kustomization ", "Service orders-web" },
            _service.Objects.Select(o => $"{o.Kind} {(o.Kind == "Job" ? o.Name![..15] : o.Name)}").Order(StringComparer.Ordinal));
        foreach (var (repository, kind, name) in new[] { ("orders-web", "Deployment", "orders-web"), ("orders-worker", "Deployment", "orders-worker"), ("orders-admin", "Job", "orders-migrate") })
        {
            var template = _service.Object(kind, name)["spec"]!["template"]!;
            var releaseId = (string)template["metadata"]!["labels"]!["io.twelvefactor/release"]!;
            var digest = Images.Digest($"docker://{_service.Registry!.Address}/{repository}:{releaseId}");
            Assert.Equal($"{_service.Registry.Address}/{repository}@{digest}", (string?)template["spec"]!["containers"]![0]!["image"]);
        }

        var example = File.ReadAllText(Path.Combine(_service.Folder, "orders.env.example"));
        Assert.Contains("# required (admin, web, worker)\nDATABASE_URL=\n", example);
        Assert.DoesNotContain("postgres://", example);
    }

    [DeployFact]
    public void Migrate_as_a_Job_then_the_web_and_two_workers_serve_share_the_queue_and_stop_within_their_grace_period()
    {
        var (database, secret, pods) = DeployDatabase("deploy");
        Assert.Equal("0", _service.Postgres!.Query(database, "SELECT count(*) FROM jobs"));

        var webTemplate = _service.Object("Deployment", "orders-web")["spec"]!["template"]!.AsObject();
        using var web = Pod.Start("orders-web-0", webTemplate, _service.Image(webTemplate), new[] { secret }, Path.Combine(pods, "web"));
        web.WaitForProbe("readinessProbe", TimeSpan.FromMinutes(1));
        web.WaitForProbe("livenessProbe", TimeSpan.FromSeconds(10));
        using (var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{web.HostPort}") })
        {
            for (var i = 0; i < 16; i++)
            {
                var response = client.PostAsJsonAsync("/jobs", new { payload = "order " + i, workMs = 400 }).GetAwaiter().GetResult();
                Assert.True(response.IsSuccessStatusCode, response.ToString());
            }
        }

        var workerDeployment = _service.Object("Deployment", "orders-worker");
        Assert.Equal(2, (int?)workerDeployment["spec"]!["replicas"]);
        var workerTemplate = workerDeployment["spec"]!["template"]!.AsObject();
        var image = _service.Image(workerTemplate);
        var workers = Enumerable.Range(1, 2)
            .Select(i => Pod.Start("orders-worker-" + i, workerTemplate, image, new[] { secret }, Path.Combine(pods, "worker-" + i)))
            .ToList();
        try
        {
            var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(1);
            while (_service.Postgres.Query(database, "SELECT count(*) FROM jobs WHERE status = 'done'") != "16")
            {
                Assert.True(DateTime.UtcNow < deadline, "the workers did not finish the queue:\n" + string.Join("\n", workers.Select(w => w.Output)));
                Assert.All(workers, w => Assert.False(w.HasExited, w.Output));
                Thread.Sleep(250);
            }

            Assert.Equal("orders-worker-1|orders-worker-2", _service.Postgres.Query(database,
                "SELECT string_agg(DISTINCT split_part(processed_by, ':', 1), '|' ORDER BY split_part(processed_by, ':', 1)) FROM jobs"));

            foreach (var pod in workers.Append(web))
            {
                var (exitCode, afterSigterm) = pod.Stop();
                Assert.True(exitCode == 0, $"{pod.Name} exited {exitCode}\n{pod.Output}");
                Assert.True(afterSigterm < TimeSpan.FromSeconds(25), $"{pod.Name} took {afterSigterm} after SIGTERM");
            }
        }
        finally
        {
            workers.ForEach(w => w.Dispose());
        }

        // No job lost, none failed, none done twice (each is one row, done once).
        Assert.Equal("done|16", _service.Postgres.Query(database, "SELECT string_agg(DISTINCT status, ',') || '|' || count(*) FROM jobs"));
    }

    [DeployFact]
    public void The_nightly_CronJob_purges_old_finished_jobs_and_exits_0()
    {
        var (database, secret, pods) = DeployDatabase("cron");
        _service.Postgres!.Query(database, """
            INSERT INTO jobs (payload, status, completed_at) VALUES
              ('old done', 'done', now() - interval '8 days'),
              ('old failed', 'failed', now() - interval '30 days'),
              ('recent done', 'done', now() - interval '1 day'),
              ('queued long ago', 'queued', NULL)
            """);

        var cronJob = _service.Object("CronJob", "orders-purge-jobs");
        Assert.Equal("Forbid", (string?)cronJob["spec"]!["concurrencyPolicy"]);
        var template = cronJob["spec"]!["jobTemplate"]!["spec"]!["template"]!.AsObject();
        using (var purge = Pod.Start("orders-purge-jobs", template, _service.Image(template), new[] { secret }, Path.Combine(pods, "purge")))
        {
            Assert.True(purge.WaitForExit(TimeSpan.FromMinutes(2)) == 0, purge.Output);
            Assert.Contains("{\"purged\":2}", purge.Output);
        }

        Assert.Equal("queued long ago|recent done", _service.Postgres.Query(database, "SELECT string_agg(payload, '|' ORDER BY payload) FROM jobs"));
    }

    /// <summary>
    /// A new database, the Secret an operator would create for it, and the release's migrate Job run against it
    /// to completion, as a deploy starts.
    /// </summary>
    private (string Database, System.Text.Json.Nodes.JsonObject Secret, string PodsFolder) DeployDatabase(string prefix)
    {
        Assert.True(_service.Release!.Succeeded, _service.Release.ToString());
        var database = prefix + Guid.NewGuid().ToString("N")[..6];
        _service.Postgres!.CreateDatabase(database);
        var secret = _service.Secret("orders", new Dictionary<string, string> { ["DATABASE_URL"] = _service.Postgres.UrlOf(database) });
        var pods = Path.Combine(_service.Workspace!.Root, "pods-" + database);
        var migrateTemplate = _service.Object("Job", "orders-migrate")["spec"]!["template"]!.AsObject();
        using var migrate = Pod.Start("orders-migrate", migrateTemplate, _service.Image(migrateTemplate), new[] { secret }, Path.Combine(pods, "migrate"));
        Assert.True(migrate.WaitForExit(TimeSpan.FromMinutes(2)) == 0, migrate.Output);
        return (database, secret, pods);
    }
}
