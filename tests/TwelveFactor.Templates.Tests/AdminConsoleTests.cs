namespace TwelveFactor.Templates.Tests;

/// <summary>
/// Factor XII's console in the generated admin process, against a real PostgreSQL: `console --eval` prints a value
/// as JSON, `console` reads submissions from its input, and the compiler it carries ships in no other image.
/// </summary>
[Collection(GeneratedServiceCollection.Name)]
public sealed class AdminConsoleTests(GeneratedService service)
{
    [PostgresFact]
    public void An_expression_that_counts_queued_jobs_prints_the_number()
    {
        var database = QueueWithJobs(queued: 3, done: 2);

        var count = service.Admin(database.Url, "console", "--eval", "(await Jobs.StatsAsync(Cancellation)).Queued");
        var stats = service.Admin(database.Url, "console", "--eval", "await Jobs.StatsAsync(Cancellation)");

        Assert.True(count.ExitCode == 0, count.ToString());
        Assert.Equal("3", LastLine(count));
        Assert.True(stats.ExitCode == 0, stats.ToString());
        Assert.StartsWith("{\"queued\":3,\"done\":2,\"failed\":0,", LastLine(stats));
    }

    [PostgresFact]
    public void The_console_keeps_its_variables_between_submissions_and_survives_a_mistake()
    {
        var database = QueueWithJobs(queued: 1, done: 0);

        var session = service.AdminWithInput(database.Url, """
            var stats = await Jobs.StatsAsync(Cancellation);
            stats.Queued + 10
            stats.NoSuchMember
            new[] {
                1, 2 }.Sum() * (int)stats.Queued

            """, "console");

        Assert.True(session.ExitCode == 0, session.ToString());
        var lines = Lines(session);
        Assert.Contains("11", lines);
        Assert.Contains(lines, l => l.Contains("error CS1061", StringComparison.Ordinal) && l.Contains("NoSuchMember", StringComparison.Ordinal));
        Assert.Equal("3", lines[^1]);
    }

    [PostgresFact]
    public void Code_that_does_not_compile_exits_64_and_code_that_throws_exits_70_with_a_JSON_log()
    {
        var database = QueueWithJobs(queued: 0, done: 0);

        var invalid = service.Admin(database.Url, "console", "--eval", "Jobs.Count(");
        var throwing = service.Admin(database.Url, "console", "--eval", "int.Parse(\"x\")");

        Assert.Equal(64, invalid.ExitCode);
        Assert.Contains("error CS", invalid.Output);
        Assert.Equal(70, throwing.ExitCode);
        Assert.Contains(Lines(throwing), l => l.StartsWith('{') && l.Contains("\"LogLevel\":\"Error\"", StringComparison.Ordinal) && l.Contains("FormatException", StringComparison.Ordinal));
    }

    [Fact]
    public void Config_shows_the_database_URL_without_its_password_however_the_password_is_spelled()
    {
        // %41 and a space are spelled differently once the URL is parsed; the password must not leak either way.
        var shown = service.Admin("postgres://orders:p%41ss%20w0rd@127.0.0.1:1/orders", "config");

        Assert.True(shown.ExitCode == 0, shown.ToString());
        Assert.Contains("\"DATABASE_URL\":\"postgres://orders:***@127.0.0.1:1/orders\"", shown.Output);
        Assert.DoesNotContain("p%41ss", shown.Output);
        Assert.DoesNotContain("pAss", shown.Output);
    }

    [Fact]
    public void The_scripting_compiler_is_in_the_admin_output_only()
    {
        Assert.True(service.Build.Succeeded, service.Build.ToString());
        string[] CompilerFiles(string processType) => Directory.GetFiles(Path.GetDirectoryName(service.AssemblyOf(processType))!, "Microsoft.CodeAnalysis*.dll");

        Assert.Contains(CompilerFiles("Admin"), f => f.EndsWith("Microsoft.CodeAnalysis.CSharp.Scripting.dll", StringComparison.Ordinal));
        Assert.Empty(CompilerFiles("Web"));
        Assert.Empty(CompilerFiles("Worker"));
    }

    private TestDatabase QueueWithJobs(int queued, int done)
    {
        var database = service.NewDatabase();
        Assert.Equal(0, service.Admin(database.Url, "migrate").ExitCode);
        for (var i = 0; i < queued + done; i++)
        {
            service.Postgres!.Query(database.Name, i < done
                ? $"INSERT INTO jobs (payload, status, result) VALUES ('job {i}', 'done', 'r')"
                : $"INSERT INTO jobs (payload) VALUES ('job {i}')");
        }
        return database;
    }

    private static List<string> Lines(ProcessResult result) =>
        result.Output.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToList();

    private static string LastLine(ProcessResult result) => Lines(result)[^1];
}
