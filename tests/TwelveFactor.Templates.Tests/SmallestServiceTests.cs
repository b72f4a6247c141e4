using System.Net;

namespace TwelveFactor.Templates.Tests;

/// <summary>--database none: the smallest service still builds under strict policy and runs every process type.</summary>
public sealed class SmallestServiceTests
{
    [Fact]
    public async Task A_service_without_a_database_builds_under_strict_policy_and_its_processes_run()
    {
        using var service = new GeneratedService("smallest", "Tiny", "--database", "none");
        Assert.True(service.Build.Succeeded, service.Build.ToString());
        Assert.Empty(service.Build.Findings);
        Assert.False(service.Workspace.Exists("Tiny/src/Tiny.Core/Database"), "no database code");

        var port = FreePort.Next();
        using var web = ServiceProcess.Start(service.AssemblyOf("Web"), new Dictionary<string, string?> { ["PORT"] = port.ToString() });
        web.WaitForMessage(m => m.StartsWith("Now listening on", StringComparison.Ordinal), TimeSpan.FromSeconds(30), "listening");
        using var http = new HttpClient();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync($"http://127.0.0.1:{port}/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync($"http://127.0.0.1:{port}/readyz")).StatusCode);
        web.Terminate();
        Assert.Equal(0, web.WaitForExit(TimeSpan.FromSeconds(10)));

        using var worker = ServiceProcess.Start(service.AssemblyOf("Worker"), new Dictionary<string, string?> { ["WORKER_ID"] = "tiny" });
        worker.WaitForMessage(m => m == "Worker tiny is alive", TimeSpan.FromSeconds(30), "heartbeat");
        worker.Terminate();
        Assert.Equal(0, worker.WaitForExit(TimeSpan.FromSeconds(10)));

        Assert.Equal(0, ProcessRunner.Run("dotnet", [service.AssemblyOf("Admin"), "config"], service.Workspace.Root).ExitCode);
        Assert.Equal(64, ProcessRunner.Run("dotnet", [service.AssemblyOf("Admin"), "migrate"], service.Workspace.Root).ExitCode);
    }
}
