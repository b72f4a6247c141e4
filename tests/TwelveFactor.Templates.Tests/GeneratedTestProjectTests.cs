namespace TwelveFactor.Templates.Tests;

/// <summary>
/// The generated service's own test project (tests/Orders.Tests), built with the service under the strict policy,
/// run as its README says: against the real PostgreSQL that DATABASE_URL names, and without it.
/// </summary>
[Collection(GeneratedServiceCollection.Name)]
public sealed class GeneratedTestProjectTests(GeneratedService service)
{
    private static readonly string[] IntegrationTests =
    [
        "Orders.Tests.JobQueueTests.A_queued_job_is_done_by_the_worker_queue_and_recorded_with_its_result",
        "Orders.Tests.WebProcessTests.A_job_posted_to_the_web_process_is_done_by_the_worker_queue_and_read_back",
        "Orders.Tests.WebProcessTests.The_web_process_answers_its_health_check",
    ];

    [PostgresFact]
    public void Against_the_PostgreSQL_in_DATABASE_URL_every_generated_test_passes()
    {
        Assert.True(service.Build.Succeeded, service.Build.ToString());
        var database = service.NewDatabase();

        var outcomes = RunTests("with-database", database.Url);

        Assert.All(outcomes, o => Assert.True(o.Outcome == "Passed", $"{o.Name}: {o.Outcome}\n{o.Text}"));
        Assert.Subset(outcomes.Select(o => o.Name).ToHashSet(), IntegrationTests.ToHashSet());
        Assert.Contains(outcomes, o => o.Name == "Orders.Tests.SettingsTests.A_missing_DATABASE_URL_is_named");
        // The integration tests worked in the database: the two jobs they posted are done.
        Assert.Equal("2", service.Postgres!.Query(database.Name, "SELECT count(*) FROM jobs WHERE status = 'done'"));
    }

    [Fact]
    public void Without_DATABASE_URL_the_integration_tests_are_skipped_saying_why_and_the_unit_tests_pass()
    {
        Assert.True(service.Build.Succeeded, service.Build.ToString());

        var outcomes = RunTests("without-database", databaseUrl: null);

        var skipped = outcomes.Where(o => o.Outcome == "NotExecuted").ToList();
        Assert.Equal(IntegrationTests.Order(), skipped.Select(o => o.Name).Order());
        Assert.All(skipped, o => Assert.Contains("DATABASE_URL is not set", o.Text));
        Assert.All(outcomes.Except(skipped), o => Assert.True(o.Outcome == "Passed", $"{o.Name}: {o.Outcome}\n{o.Text}"));
        Assert.True(outcomes.Count > skipped.Count, "unit tests ran");
    }

    private IReadOnlyList<TestOutcome> RunTests(string name, string? databaseUrl)
    {
        var results = service.Workspace.PathOf($"test-results/{name}");
        var run = service.Workspace.Dotnet(service.Name, new Dictionary<string, string?> { ["DATABASE_URL"] = databaseUrl },
            "test", "--no-build", "-nologo", "--logger", "trx;LogFileName=results.trx", "--results-directory", results);
        var trx = Path.Combine(results, "results.trx");
        Assert.True(File.Exists(trx), run.ToString());
        return TestOutcome.Read(trx);
    }
}
