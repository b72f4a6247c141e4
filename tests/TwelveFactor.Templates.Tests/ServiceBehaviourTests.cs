using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace TwelveFactor.Templates.Tests;

/// <summary>The generated service's processes, run against a real PostgreSQL server.</summary>
[Collection(GeneratedServiceCollection.Name)]
public sealed class ServiceBehaviourTests(GeneratedService service) : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private readonly List<ServiceProcess> _processes = [];
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };

    [Fact]
    public void The_service_builds_under_strict_policy_with_no_finding_and_lock_files_ready_to_commit()
    {
        Assert.True(service.Build.Succeeded, service.Build.ToString());
        Assert.Empty(service.Build.Findings);
        Assert.DoesNotContain(service.Build.Diagnostics, d => d.Severity == "warning");
        foreach (var project in new[] { "Core", "Web", "Worker", "Admin" })
        {
            Assert.True(service.Workspace.Exists($"Orders/src/Orders.{project}/packages.lock.json"), project + " has its lock file");
        }

        var ci = service.Workspace.Build("Orders", new Dictionary<string, string?> { ["CI"] = "true" }, "-p:TwelveFactorPolicy=strict");

        Assert.True(ci.Succeeded, ci.ToString());
        Assert.Empty(ci.Findings);
    }

    [PostgresFact]
    public async Task A_job_posted_to_the_web_process_is_processed_exactly_once_by_competing_workers()
    {
        var database = service.NewDatabase();
        var migrate = service.Admin(database.Url, "migrate");
        Assert.True(migrate.ExitCode == 0, migrate.ToString());
        Assert.Contains("1 migration(s) applied", migrate.Output);
        Assert.Contains("0 migration(s) applied", service.Admin(database.Url, "migrate").Output);

        var web = StartWeb(database.Url, out var baseUrl);
        var workers = new[] { StartWorker(database.Url, "w1"), StartWorker(database.Url, "w2") };
        var posted = await _http.PostAsJsonAsync(baseUrl + "/jobs", new { payload = "hello" });
        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        var id = (await posted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        Assert.Equal($"/jobs/{id}", posted.Headers.Location?.OriginalString);

        var job = await _http.GetFromJsonAsync<JsonElement>($"{baseUrl}/jobs/{id}?waitSeconds=20");

        Assert.Equal("done", job.GetProperty("status").GetString());
        Assert.Equal("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824", job.GetProperty("result").GetString());
        foreach (var process in workers.Append(web))
        {
            process.Terminate();
            Assert.Equal(0, process.WaitForExit(StartTimeout));
        }
        Assert.Single(workers.SelectMany(w => w.Messages), m => m.StartsWith($"Job {id} completed", StringComparison.Ordinal));
        Assert.Contains("\"done\":1", service.Admin(database.Url, "jobs", "stats").Output);
    }

    [PostgresFact]
    public void SIGTERM_during_a_slow_job_hands_it_back_and_a_second_worker_finishes_it()
    {
        var database = service.NewDatabase();
        Assert.Equal(0, service.Admin(database.Url, "migrate").ExitCode);
        var id = service.Postgres!.Query(database.Name, "INSERT INTO jobs (payload, work_ms) VALUES ('slow', 3000) RETURNING id");

        var first = StartWorker(database.Url, "first");
        first.WaitForMessage(m => m == $"Job {id} started by first", StartTimeout, "job started");
        first.Terminate();

        Assert.Equal(0, first.WaitForExit(TimeSpan.FromSeconds(10)));
        Assert.Contains($"Job {id} handed back by first: the worker is stopping", first.Messages);
        Assert.Equal("queued", service.Postgres.Query(database.Name, $"SELECT status FROM jobs WHERE id = {id}"));

        var second = StartWorker(database.Url, "second");
        second.WaitForMessage(m => m == $"Job {id} completed by second", StartTimeout, "job completed");
        second.Terminate();

        Assert.Equal(0, second.WaitForExit(StartTimeout));
        Assert.Equal("done|second", service.Postgres.Query(database.Name, $"SELECT status || '|' || processed_by FROM jobs WHERE id = {id}"));
        Assert.DoesNotContain(first.Messages, m => m.StartsWith($"Job {id} completed", StringComparison.Ordinal));
    }

    [PostgresFact]
    public async Task SIGTERM_during_an_in_flight_request_lets_it_complete_then_exits_0()
    {
        var database = service.NewDatabase();
        Assert.Equal(0, service.Admin(database.Url, "migrate").ExitCode);
        var id = service.Postgres!.Query(database.Name, "INSERT INTO jobs (payload) VALUES ('nobody works on this') RETURNING id");
        var web = StartWeb(database.Url, out var baseUrl);

        var clock = Stopwatch.StartNew();
        var inFlight = _http.GetAsync($"{baseUrl}/jobs/{id}?waitSeconds=3");
        await Task.Delay(TimeSpan.FromSeconds(1));
        web.Terminate();
        var response = await inFlight;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("queued", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(2.5), $"the request ran its course ({clock.Elapsed})");
        Assert.Equal(0, web.WaitForExit(TimeSpan.FromSeconds(10)));
    }

    [Theory]
    [InlineData("Web", "DATABASE_URL", null)]
    [InlineData("Worker", "DATABASE_URL", null)]
    [InlineData("Admin", "DATABASE_URL", "migrate")]
    [InlineData("Web", "PORT", null)]
    [InlineData("Worker", "WORKER_POLL_SECONDS", null)]
    public void A_missing_or_invalid_variable_stops_the_process_at_once_naming_it(string processType, string variable, string? command)
    {
        var environment = new Dictionary<string, string?>
        {
            ["DATABASE_URL"] = "postgres://tf:secret@127.0.0.1:1/orders",
            ["PORT"] = FreePort.Next().ToString(),
        };
        environment[variable] = variable == "DATABASE_URL" ? null : "not-a-number";

        var clock = Stopwatch.StartNew();
        using var process = ServiceProcess.Start(service.AssemblyOf(processType), environment, command is null ? [] : [command]);

        Assert.Equal(78, process.WaitForExit(TimeSpan.FromSeconds(20)));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"fails fast ({clock.Elapsed})");
        var problem = Assert.Single(process.Events);
        Assert.Equal("Critical", problem.GetProperty("LogLevel").GetString());
        Assert.Equal(variable, problem.GetProperty("State").GetProperty("Variable").GetString());
        Assert.DoesNotContain("secret", process.Output);
    }

    [PostgresFact]
    public async Task Readiness_is_false_while_the_database_is_down_and_true_when_it_is_back()
    {
        var database = service.NewDatabase();
        StartWeb(database.Url, out var baseUrl);
        Assert.Equal(HttpStatusCode.OK, (await _http.GetAsync(baseUrl + "/readyz")).StatusCode);

        service.Postgres!.Stop();
        try
        {
            await WaitForStatus(baseUrl + "/readyz", HttpStatusCode.ServiceUnavailable);
            Assert.Equal(HttpStatusCode.OK, (await _http.GetAsync(baseUrl + "/healthz")).StatusCode);
        }
        finally
        {
            service.Postgres.StartAgain();
        }

        await WaitForStatus(baseUrl + "/readyz", HttpStatusCode.OK);
    }

    public void Dispose()
    {
        foreach (var process in _processes)
        {
            process.Dispose();
        }
        _http.Dispose();
    }

    private ServiceProcess StartWeb(string databaseUrl, out string baseUrl)
    {
        var port = FreePort.Next();
        baseUrl = $"http://127.0.0.1:{port}";
        var web = Track(ServiceProcess.Start(service.AssemblyOf("Web"), new Dictionary<string, string?>
        {
            ["DATABASE_URL"] = databaseUrl,
            ["PORT"] = port.ToString(),
            ["SHUTDOWN_TIMEOUT_SECONDS"] = "10",
        }));
        web.WaitForMessage(m => m.StartsWith("Now listening on", StringComparison.Ordinal), StartTimeout, "listening");
        return web;
    }

    private ServiceProcess StartWorker(string databaseUrl, string workerId) =>
        Track(ServiceProcess.Start(service.AssemblyOf("Worker"), new Dictionary<string, string?>
        {
            ["DATABASE_URL"] = databaseUrl,
            ["WORKER_ID"] = workerId,
            ["WORKER_POLL_SECONDS"] = "0.2",
        }));

    private ServiceProcess Track(ServiceProcess process)
    {
        _processes.Add(process);
        return process;
    }

    private async Task WaitForStatus(string url, HttpStatusCode expected)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        HttpStatusCode? last = null;
        while (DateTime.UtcNow < deadline)
        {
            last = (await _http.GetAsync(url)).StatusCode;
            if (last == expected)
            {
                return;
            }
            await Task.Delay(200);
        }
        Assert.Fail($"{url} answered {last}, not {expected}, for 20 s");
    }
}
