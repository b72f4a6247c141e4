using TwelveFactor.Sdk.Kubernetes;

namespace TwelveFactor.Sdk.Tests.Kubernetes;

/// <summary>The process types of one service release, as the tests' starting point.</summary>
internal static class Workloads
{
    public const string Digest = "sha256:4f53cda18c2baa0c0354bb5f9a3ecbe5ed12ab4d8e11ba873c2f11161202b945";

    public static ReleaseWorkload Web => new()
    {
        Service = "orders",
        ProcessType = "web",
        Image = "registry.example/orders-web@" + Digest,
        ReleaseId = "1.4.0-3f2a9c1",
        Version = "1.4.0",
        RunAsUser = 1654,
        Port = 8080,
        LivenessPath = "/healthz",
        ReadinessPath = "/readyz",
        ShutdownTimeoutSeconds = 25,
        PreStopSeconds = 5,
        Replicas = 2,
        Variables = new[] { new ConfigVariable("DATABASE_URL", true), new ConfigVariable("SHUTDOWN_TIMEOUT_SECONDS", false) },
    };

    public static ReleaseWorkload Worker => Web with
    {
        ProcessType = "worker",
        Image = "registry.example/orders-worker@" + Digest,
        LivenessPath = null,
        ReadinessPath = null,
        PreStopSeconds = 0,
        Variables = new[] { new ConfigVariable("DATABASE_URL", true), new ConfigVariable("WORKER_POLL_SECONDS", false) },
    };

    public static ReleaseWorkload Admin => Worker with
    {
        ProcessType = "admin",
        Image = "registry.example/orders-admin@" + Digest,
        Replicas = 1,
        AdminCommands = new[]
        {
            new AdminCommandSpec("migrate", new[] { "migrate" }, null),
            new AdminCommandSpec("purge-jobs", new[] { "jobs", "purge" }, "0 3 * * *", "Etc/UTC"),
        },
        Variables = new[] { new ConfigVariable("DATABASE_URL", true) },
    };
}
