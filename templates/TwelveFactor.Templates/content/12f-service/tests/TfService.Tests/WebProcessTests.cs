using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
#if (postgres)
using TfService.Core.Jobs;
#endif

namespace TfService.Tests;

/// <summary>
/// The web process started in memory (its own Program, configured from the environment like in production) and
/// called over HTTP.
/// </summary>
#if (postgres)
[Collection(DatabaseCollection.Name)]
public sealed class WebProcessTests(TestDatabase database)
#else
public sealed class WebProcessTests
#endif
{
#if (postgres)
    [DatabaseFact]
#else
    [Fact]
#endif
    public async Task The_web_process_answers_its_health_check()
    {
        await using var web = new WebApplicationFactory<Program>();
        using var client = web.CreateClient();

        var response = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
#if (postgres)

    [DatabaseFact]
    public async Task A_job_posted_to_the_web_process_is_done_by_the_worker_queue_and_read_back()
    {
        await using var web = new WebApplicationFactory<Program>();
        using var client = web.CreateClient();

        var posted = await client.PostAsJsonAsync("/jobs", new { payload = "hello" });
        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        var id = (await posted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        await JobQueueTests.WorkUntilFinished(database, id);
        var job = await client.GetFromJsonAsync<JsonElement>($"/jobs/{id}");

        Assert.Equal(JobStatus.Done, job.GetProperty("status").GetString());
        // SHA-256 of "hello": what the sample JobProcessor computes.
        Assert.Equal("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824", job.GetProperty("result").GetString());
    }
#endif
}
