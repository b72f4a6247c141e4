using TwelveFactor.Sdk.Reading;
using TwelveFactor.Sdk.Tasks;

namespace TwelveFactor.Sdk.Tests.Dependencies;

public sealed class RestoreOutcomeTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("tf-restore-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private const string FailedCache = """
        {
          "version": 2,
          "success": false,
          "logs": [
            { "code": "NU1101", "level": "Error", "message": "Unable to find package No.Such.Package." },
            { "code": "NU1603", "level": "Warning", "message": "a warning" },
            { "code": "NU1101", "level": "Error", "message": "again" }
          ]
        }
        """;

    [Fact]
    public void A_failed_restore_is_described_by_its_error_codes_only()
    {
        var outcome = RestoreOutcome.Read(Write("project.nuget.cache", FailedCache));

        Assert.Equal(new RestoreOutcome(false, new[] { "NU1101" }).Description, outcome!.Description);
        Assert.Equal("restore failed (NU1101)", outcome.Description);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not json")]
    [InlineData("{ \"version\": 2 }")]
    [InlineData("{ \"success\": \"yes\" }")]
    public void No_cache_or_one_without_an_outcome_says_nothing(string? text)
    {
        var path = text is null ? Path.Combine(_folder, "missing.cache") : Write("project.nuget.cache", text);

        Assert.Null(RestoreOutcome.Read(path));
    }

    [Fact]
    public void The_lock_file_a_failed_restore_wrote_is_removed_and_one_of_a_successful_restore_is_kept()
    {
        var lockFile = Write("packages.lock.json", "{ \"version\": 1, \"dependencies\": { \"net10.0\": {} } }");
        var cache = Write("project.nuget.cache", FailedCache);

        new FailedRestoreLockFile(lockFile, cache).Dispose();
        Assert.False(File.Exists(lockFile));

        Write("packages.lock.json", "{ \"version\": 1, \"dependencies\": { \"net10.0\": {} } }");
        Write("project.nuget.cache", "{ \"version\": 2, \"success\": true, \"logs\": [] }");
        new FailedRestoreLockFile(lockFile, cache).Dispose();
        Assert.True(File.Exists(lockFile));
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }
}
