using TwelveFactor.Sdk.Dependencies;
using TwelveFactor.Sdk.Reading;

namespace TwelveFactor.Sdk.Tests.Dependencies;

public sealed class DependencyRuleTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("tf-deps-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData("*")]
    [InlineData("1.*")]
    [InlineData("1.0.*-*")]
    [InlineData("[1.0,)")]
    [InlineData("(1.0,)")]
    [InlineData("[1.0, ]")]
    [InlineData(" 2.* ")]
    public void Floating_and_open_ended_versions_are_found(string version) =>
        Assert.True(NuGetVersionText.IsFloatingOrOpenEnded(version));

    [Theory]
    [InlineData("1.2.3")]
    [InlineData("[1.2.3]")]
    [InlineData("[1.0,2.0)")]
    [InlineData("(,2.0]")]
    [InlineData("1.0.0-beta.1")]
    [InlineData("")]
    public void Pinned_and_bounded_versions_are_fine(string version) =>
        Assert.False(NuGetVersionText.IsFloatingOrOpenEnded(version));

    [Fact]
    public void A_floating_version_is_reported_at_its_element_with_the_property_it_came_from()
    {
        var project = Path.Combine(_directory, "Svc.csproj");
        File.WriteAllText(project, "<Project>\n  <ItemGroup>\n    <PackageReference Include=\"Polly\" Version=\"8.4.0\" />\n    <PackageReference Include=\"Serilog\" Version=\"$(SerilogVersion)\" />\n  </ItemGroup>\n</Project>\n");
        var packages = new[]
        {
            new DeclaredPackage("PackageReference", "Polly", "8.4.0", "Version", project),
            new DeclaredPackage("PackageReference", "Serilog", "4.*", "Version", project),
        };
        var finding = Assert.Single(FloatingVersionRule.Check(packages, new HashSet<string> { "Polly", "Serilog" }, project));
        Assert.Equal(("TF0202", 4, 5), (finding.RuleId, finding.Line, finding.Column));
        Assert.Equal("4.* (from $(SerilogVersion))", finding.Arguments[2]);
    }

    [Fact]
    public void A_central_version_is_reported_only_where_the_project_uses_it()
    {
        var props = Path.Combine(_directory, "Directory.Packages.props");
        File.WriteAllText(props, "<Project>\n  <ItemGroup>\n    <PackageVersion Include=\"Serilog\" Version=\"4.*\" />\n  </ItemGroup>\n</Project>\n");
        var packages = new[] { new DeclaredPackage("PackageVersion", "Serilog", "4.*", "Version", props) };
        Assert.Empty(FloatingVersionRule.Check(packages, new HashSet<string>(), "p.csproj"));
        var finding = Assert.Single(FloatingVersionRule.Check(packages, new HashSet<string> { "Serilog" }, "p.csproj"));
        Assert.Equal((props, 3), (finding.File, finding.Line));
    }

    [Theory]
    [InlineData("4.*", "4.0.0", 3)]
    [InlineData("4.0.0", "4.*", 4)]
    public void A_central_version_declared_twice_is_reported_at_the_floating_declaration(string first, string second, int line)
    {
        var props = Path.Combine(_directory, "Directory.Packages.props");
        File.WriteAllText(props, $"<Project>\n  <ItemGroup>\n    <PackageVersion Include=\"Serilog\" Version=\"{first}\" />\n    <PackageVersion Include=\"Serilog\" Version=\"{second}\" />\n  </ItemGroup>\n</Project>\n");
        var packages = new[] { first, second }.Select(v => new DeclaredPackage("PackageVersion", "Serilog", v, "Version", props)).ToArray();

        var finding = Assert.Single(FloatingVersionRule.Check(packages, new HashSet<string> { "Serilog" }, "p.csproj"));

        Assert.Equal((props, line), (finding.File, finding.Line));
    }

    [Theory]
    [InlineData("/usr/lib/mono/4.5/System.Web.dll", "a system folder")]
    [InlineData(@"C:\Windows\Microsoft.NET\assembly\GAC_MSIL\System.Web\System.Web.dll", "a system folder")]
    [InlineData(@"C:\Program Files (x86)\Vendor\Vendor.dll", "a system folder")]
    [InlineData("/home/someone/libs/Vendor.dll", "outside the repository")]
    public void System_and_outside_paths_are_classified(string path, string expected) =>
        Assert.StartsWith(expected, SystemReferenceRule.Classify(path, "/src/repo"));

    [Fact]
    public void A_dll_vendored_in_the_repository_is_fine() =>
        Assert.Null(SystemReferenceRule.Classify("/src/repo/lib/Vendor.dll", "/src/repo"));

    [Fact]
    public void Without_a_repository_only_system_folders_are_reported()
    {
        Assert.Null(SystemReferenceRule.Classify("/home/someone/libs/Vendor.dll", null));
        Assert.NotNull(SystemReferenceRule.Classify("/usr/lib/Vendor.dll", null));
    }

    [Fact]
    public void A_malformed_lock_file_is_named_with_its_position()
    {
        var lockFile = Path.Combine(_directory, "packages.lock.json");
        File.WriteAllText(lockFile, "{\n  \"version\": 1,\n  \"dependencies\": {\n    \"net10.0\": {\n");
        var problem = LockFileRule.LockFileProblem(lockFile, out var line, out _);
        Assert.StartsWith("invalid JSON at line", problem);
        Assert.True(line >= 4);
        File.WriteAllText(lockFile, "{ \"version\": 1, \"dependencies\": { \"net10.0\": {} } }");
        Assert.Null(LockFileRule.LockFileProblem(lockFile, out _, out _));
    }

    [Fact]
    public void Lock_files_switched_off_are_reported_at_the_property()
    {
        var project = Path.Combine(_directory, "Svc.csproj");
        File.WriteAllText(project, "<Project>\n  <PropertyGroup>\n    <RestorePackagesWithLockFile>false</RestorePackagesWithLockFile>\n  </PropertyGroup>\n</Project>\n");
        var finding = Assert.Single(LockFileRule.Check(false, project, new[] { project }));
        Assert.Equal(("TF0201", 3), (finding.RuleId, finding.Line));
    }
}
