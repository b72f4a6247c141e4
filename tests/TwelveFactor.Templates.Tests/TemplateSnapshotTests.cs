namespace TwelveFactor.Templates.Tests;

/// <summary>Every variant of the template, instantiated in an isolated hive, matches its approved tree.</summary>
public class TemplateSnapshotTests
{
    [Theory]
    [MemberData(nameof(TemplateVariants.All), MemberType = typeof(TemplateVariants))]
    public void The_generated_tree_matches_the_approved_one(string kind, string database)
    {
        using var tree = GeneratedTree.Variant("snapshot", kind, database);

        Assert.True(tree.Result.ExitCode == 0, tree.Result.ToString());
        Snapshot.Verify($"{kind}-{database}", Snapshot.Of(tree.Root, PackedSdk.Instance.Version));
    }

    [Fact]
    public void Generated_projects_reference_the_sdk_version_the_pack_was_built_with()
    {
        using var tree = GeneratedTree.New("snapshot-version");

        Assert.Equal(0, tree.Result.ExitCode);
        foreach (var project in Directory.GetFiles(tree.Root, "*.csproj", SearchOption.AllDirectories))
        {
            Assert.StartsWith($"<Project Sdk=\"TwelveFactor.Sdk/{PackedSdk.Instance.Version}\">", File.ReadAllText(project));
        }
    }

    [Theory]
    [InlineData("--kind", "cron")]
    [InlineData("--database", "mysql")]
    public void An_unknown_choice_is_refused(string option, string value)
    {
        var folder = Path.Combine(Path.GetTempPath(), "twelvefactor-tests", $"snapshot-invalid-{Guid.NewGuid():N}");
        var output = Path.Combine(folder, "Orders");
        try
        {
            var result = TemplateHive.Instance.New(output, "Orders", option, value);

            Assert.NotEqual(0, result.ExitCode);
            Assert.False(Directory.Exists(output), "nothing is generated for an invalid choice");
        }
        finally
        {
            // The folder dotnet new ran in (created for it) is left behind even when nothing was generated.
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
