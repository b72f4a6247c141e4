namespace TwelveFactor.Templates.Tests;

/// <summary>Every variant of the template, instantiated in an isolated hive, matches its approved tree.</summary>
public class TemplateSnapshotTests
{
    [Theory]
    [InlineData("all", "postgres")]
    [InlineData("web", "postgres")]
    [InlineData("worker", "postgres")]
    [InlineData("admin", "postgres")]
    [InlineData("all", "none")]
    public void The_generated_tree_matches_the_approved_one(string kind, string database)
    {
        var output = Path.Combine(Path.GetTempPath(), "twelvefactor-tests", $"snapshot-{kind}-{database}-{Guid.NewGuid():N}", "Orders");
        try
        {
            var result = TemplateHive.Instance.New(output, "Orders", "--kind", kind, "--database", database);

            Assert.True(result.ExitCode == 0, result.ToString());
            Snapshot.Verify($"{kind}-{database}", Snapshot.Of(output, PackedSdk.Instance.Version));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(output)!, recursive: true);
        }
    }

    [Fact]
    public void Generated_projects_reference_the_sdk_version_the_pack_was_built_with()
    {
        var output = Path.Combine(Path.GetTempPath(), "twelvefactor-tests", $"snapshot-version-{Guid.NewGuid():N}", "Orders");
        try
        {
            Assert.Equal(0, TemplateHive.Instance.New(output, "Orders").ExitCode);

            foreach (var project in Directory.GetFiles(output, "*.csproj", SearchOption.AllDirectories))
            {
                Assert.StartsWith($"<Project Sdk=\"TwelveFactor.Sdk/{PackedSdk.Instance.Version}\">", File.ReadAllText(project));
            }
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(output)!, recursive: true);
        }
    }

    [Theory]
    [InlineData("--kind", "cron")]
    [InlineData("--database", "mysql")]
    public void An_unknown_choice_is_refused(string option, string value)
    {
        var output = Path.Combine(Path.GetTempPath(), "twelvefactor-tests", $"snapshot-invalid-{Guid.NewGuid():N}", "Orders");
        var result = TemplateHive.Instance.New(output, "Orders", option, value);

        Assert.NotEqual(0, result.ExitCode);
        Assert.False(Directory.Exists(output), "nothing is generated for an invalid choice");
    }
}
