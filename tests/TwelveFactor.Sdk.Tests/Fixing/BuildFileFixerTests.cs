using TwelveFactor.Sdk.Fixing;
using TwelveFactor.Sdk.Policy;

namespace TwelveFactor.Sdk.Tests.Fixing;

/// <summary>Each build-file fix changes the finding's value and keeps every other byte of the file.</summary>
public class BuildFileFixerTests
{
    private const string File = "/repo/Svc/Svc.csproj";

    private static readonly FixContext Locked = new(new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Serilog"] = "4.3.0", ["Polly"] = "8.6.4" });

    /// <summary>A project file with CRLF line endings, tabs, comments and attributes in an unusual order.</summary>
    private const string Project =
        "<Project Sdk=\"TwelveFactor.Sdk/0.1.0\">\r\n" +
        "\t<!-- lock files: off for now -->\r\n" +
        "\t<PropertyGroup>\r\n" +
        "\t\t<RestorePackagesWithLockFile Condition=\" '$(Ci)' != 'x' \"> false </RestorePackagesWithLockFile>\r\n" +
        "\t</PropertyGroup>\r\n" +
        "\t<ItemGroup>\r\n" +
        "\t\t<PackageReference   Version='4.*' PrivateAssets=\"all\"\r\n" +
        "\t\t                    Include=\"Serilog\" /> <!-- logging -->\r\n" +
        "\t\t<PackageReference Include=\"Polly\"><Version>8.*</Version></PackageReference>\r\n" +
        "\t</ItemGroup>\r\n" +
        "</Project>\r\n";

    private static Finding At(string ruleId, string text, string key) =>
        new(ruleId, File, Project.Split("\r\n").Select((l, i) => (l, i)).First(x => x.l.Contains(text)).i + 1,
            Project.Split("\r\n").First(l => l.Contains(text)).IndexOf('<') + 2, Array.Empty<string>(), key);

    private static FixResult Plan(params Finding[] findings) => BuildFileFixer.Plan(findings, Locked, path => path == File ? Project : null);

    [Fact]
    public void A_floating_version_is_pinned_to_the_locked_version_and_nothing_else_changes()
    {
        var result = Plan(At("TF0202", "Version='4.*'", "PackageReference|Serilog|4.*"));

        var file = Assert.Single(result.Files);
        Assert.Equal(Project.Replace("Version='4.*'", "Version='4.3.0'"), file.After);
        Assert.Equal("Serilog pinned from '4.*' to 4.3.0, the version packages.lock.json resolved", Assert.Single(result.Changes).Summary);
        Assert.Empty(result.ForPeople);
    }

    [Fact]
    public void Lock_files_are_turned_back_on_in_place()
    {
        var result = Plan(At("TF0201", "RestorePackagesWithLockFile", "disabled"));

        Assert.Equal(Project.Replace("> false </", "> true </"), Assert.Single(result.Files).After);
    }

    [Fact]
    public void Both_fixes_of_one_file_land_together()
    {
        var result = Plan(At("TF0201", "RestorePackagesWithLockFile", "disabled"), At("TF0202", "Version='4.*'", "PackageReference|Serilog|4.*"));

        Assert.Equal(Project.Replace("> false </", "> true </").Replace("Version='4.*'", "Version='4.3.0'"), Assert.Single(result.Files).After);
    }

    [Fact]
    public void What_has_no_safe_fix_is_left_for_a_person_with_the_reason()
    {
        var result = Plan(
            At("TF0202", "Include=\"Polly\"", "PackageReference|Polly|8.*"), // a Version element, not an attribute
            At("TF0202", "Version='4.*'", "PackageReference|Unlocked|1.*"), // not in the lock file
            new Finding("TF0401", "/repo/Svc/appsettings.json", 3, 5, Array.Empty<string>(), "ConnectionStrings:Default"));

        // In file and line order.
        Assert.Empty(result.Files);
        Assert.Equal(new[]
        {
            "TF0202: packages.lock.json has no resolved version of Unlocked yet: restore, then run the fix again",
            "TF0202: the version of Polly is not written on its item here (a Version element): pin it to 8.6.4 where it is declared",
            "TF0401: no safe automatic fix",
        }, result.ForPeople.Select(p => p.Finding.RuleId + ": " + p.Why));
    }

    [Fact]
    public void A_version_that_comes_through_a_property_is_pinned_where_the_property_is_set()
    {
        const string project = "<Project>\n  <ItemGroup>\n    <PackageReference Include=\"Serilog\" Version=\"$(SerilogVersion)\" />\n    <PackageReference Include=\"Serilog.Sinks.Console\" Version=\"$(SerilogVersion)\" />\n  </ItemGroup>\n</Project>\n";
        const string props = "<Project>\n  <PropertyGroup>\n    <!-- one line of Serilog -->\n    <SerilogVersion>4.*</SerilogVersion>\n  </PropertyGroup>\n</Project>\n";
        var files = new Dictionary<string, string> { ["/repo/Svc/Svc.csproj"] = project, ["/repo/Directory.Build.props"] = props };
        Finding Reference(string id, int line) => new("TF0202", "/repo/Svc/Svc.csproj", line, 5, Array.Empty<string>(), "PackageReference|" + id + "|4.*");
        FixResult PlanWith(string consoleVersion) => BuildFileFixer.Plan(new[] { Reference("Serilog", 3), Reference("Serilog.Sinks.Console", 4) },
            new FixContext(new Dictionary<string, string> { ["Serilog"] = "4.3.0", ["Serilog.Sinks.Console"] = consoleVersion }), path => files.GetValueOrDefault(path));

        var shared = PlanWith("4.3.0");
        var file = Assert.Single(shared.Files);
        Assert.Equal(("/repo/Directory.Build.props", props.Replace(">4.*<", ">4.3.0<")), (file.Path, file.After));
        Assert.Equal(2, shared.Changes.Count);
        Assert.Contains("where $(SerilogVersion) is set, in Directory.Build.props", shared.Changes[0].Summary);

        // Two packages whose locked versions differ cannot share one pinned property.
        var split = PlanWith("6.0.0");
        Assert.Empty(split.Files);
        Assert.All(split.ForPeople, p => Assert.StartsWith("another finding changes the same place differently (4.3.0, 6.0.0)", p.Why));
    }

    [Fact]
    public void The_dry_run_diff_shows_the_changed_lines_with_their_neighbours()
    {
        var result = Plan(At("TF0202", "Version='4.*'", "PackageReference|Serilog|4.*"));
        var file = Assert.Single(result.Files);

        Assert.Equal(new[]
        {
            "--- a/Svc.csproj",
            "+++ b/Svc.csproj",
            "@@ -6,3 +6,3 @@",
            " \t<ItemGroup>",
            "-\t\t<PackageReference   Version='4.*' PrivateAssets=\"all\"",
            "+\t\t<PackageReference   Version='4.3.0' PrivateAssets=\"all\"",
            "\t\t                    Include=\"Serilog\" /> <!-- logging -->".Insert(0, " "),
        }, LineDiff.Unified("Svc.csproj", file.Before, file.After));
    }

    [Fact]
    public void A_byte_order_mark_survives_a_write()
    {
        var path = Path.Combine(Path.GetTempPath(), "twelvefactor-fix-" + Guid.NewGuid().ToString("N") + ".csproj");
        try
        {
            System.IO.File.WriteAllBytes(path, new byte[] { 0xEF, 0xBB, 0xBF }.Concat(System.Text.Encoding.UTF8.GetBytes(Project)).ToArray());
            var text = TextFiles.Read(path, out var hasMark);
            TextFiles.Write(path, text.Replace("4.*", "4.3.0"), hasMark);

            Assert.True(hasMark);
            Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }.Concat(System.Text.Encoding.UTF8.GetBytes(Project.Replace("4.*", "4.3.0"))), System.IO.File.ReadAllBytes(path));
        }
        finally
        {
            System.IO.File.Delete(path);
        }
    }
}
