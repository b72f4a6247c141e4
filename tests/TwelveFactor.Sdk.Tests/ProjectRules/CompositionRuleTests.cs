using TwelveFactor.Sdk.Composition;

namespace TwelveFactor.Sdk.Tests.ProjectRules;

/// <summary>TF0101, TF0502, TF0701 (settings), TF0801, TF1001 and TF1101 (packages) over project facts.</summary>
public sealed class CompositionRuleTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("tf-composition").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Project(string body)
    {
        var path = Path.Combine(_directory, "repo", "Svc", "Svc.csproj");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "<Project>\n" + body + "\n</Project>\n");
        return path;
    }

    private static List<DirectPackage> Packages(string project, params string[] ids) => ids.Select(id => new DirectPackage(id, project)).ToList();

    [Fact]
    public void Run_time_compilation_self_daemonizing_hosting_and_file_sinks_are_reported_at_their_reference()
    {
        var project = Project("""
              <ItemGroup>
                <PackageReference Include="Serilog.AspNetCore" />
                <PackageReference Include="Serilog.Sinks.File" />
                <PackageReference Include="Microsoft.AspNetCore.Mvc.Razor.RuntimeCompilation" />
                <PackageReference Include="Topshelf.Autofac" />
                <PackageReference Include="Microsoft.Extensions.Hosting.Systemd" />
              </ItemGroup>
            """);

        var findings = PackageRules.Check(Packages(project, "Serilog.AspNetCore", "Serilog.Sinks.File",
            "Microsoft.AspNetCore.Mvc.Razor.RuntimeCompilation", "Topshelf.Autofac", "Microsoft.Extensions.Hosting.Systemd"), project).ToList();

        Assert.Equal(new[] { ("TF1101", 4), ("TF0502", 5), ("TF0801", 6) }, findings.Select(f => (f.RuleId, f.Line)));
        Assert.Equal(new[] { "Serilog.Sinks.File", "Microsoft.AspNetCore.Mvc.Razor.RuntimeCompilation", "Topshelf.Autofac" }, findings.Select(f => f.FingerprintKey));
    }

    [Theory]
    [InlineData("web", true)]
    [InlineData("worker", true)]
    [InlineData("", true)]
    [InlineData("admin", false)]
    public void Run_time_compilation_is_reported_everywhere_but_in_an_admin_process(string processType, bool reported)
    {
        var project = Project("""
              <ItemGroup>
                <PackageReference Include="Microsoft.CodeAnalysis.CSharp.Scripting" />
                <PackageReference Include="Microsoft.AspNetCore.Mvc.Razor.RuntimeCompilation" />
              </ItemGroup>
            """);

        var findings = PackageRules.Check(Packages(project, "Microsoft.CodeAnalysis.CSharp.Scripting",
            "Microsoft.AspNetCore.Mvc.Razor.RuntimeCompilation"), project, processType).ToList();

        Assert.Equal(reported ? new[] { ("TF0502", 3), ("TF0502", 4) } : [], findings.Select(f => (f.RuleId, f.Line)));
    }

    [Fact]
    public void A_development_store_beside_a_production_provider_is_reported_outside_test_projects()
    {
        var project = Project("""
              <ItemGroup>
                <PackageReference Include="Npgsql.EntityFrameworkCore.PostgreSQL" />
                <PackageReference Include="Microsoft.EntityFrameworkCore.InMemory" />
              </ItemGroup>
            """);
        var packages = Packages(project, "Npgsql.EntityFrameworkCore.PostgreSQL", "Microsoft.EntityFrameworkCore.InMemory");

        var finding = Assert.Single(DevelopmentSubstituteRule.Check(packages, isTestProject: false, project));
        Assert.Equal(("TF1001", 4), (finding.RuleId, finding.Line));
        Assert.Equal(new[] { "Microsoft.EntityFrameworkCore.InMemory", "Npgsql.EntityFrameworkCore.PostgreSQL" }, finding.Arguments);

        Assert.Empty(DevelopmentSubstituteRule.Check(packages, isTestProject: true, project));
        Assert.Empty(DevelopmentSubstituteRule.Check(packages.Append(new DirectPackage("xunit", project)).ToList(), isTestProject: false, project));
        Assert.Empty(DevelopmentSubstituteRule.Check(Packages(project, "Microsoft.EntityFrameworkCore.Sqlite"), isTestProject: false, project));
    }

    [Fact]
    public void A_project_reference_leaving_the_repository_is_reported_and_one_inside_is_not()
    {
        var project = Project("""
              <ItemGroup>
                <ProjectReference Include="..\Lib\Lib.csproj" />
                <ProjectReference Include="..\..\..\shared\Common\Common.csproj" />
              </ItemGroup>
            """);
        var root = Path.Combine(_directory, "repo");
        var references = new[] { new DeclaredProjectReference("..\\Lib\\Lib.csproj", project), new DeclaredProjectReference("..\\..\\..\\shared\\Common\\Common.csproj", project) };

        var finding = Assert.Single(ProjectReferenceRule.Check(references, root, project));
        Assert.Equal(("TF0101", 4, 5, "../../../shared/Common/Common.csproj"), (finding.RuleId, finding.Line, finding.Column, finding.FingerprintKey));
        Assert.Empty(ProjectReferenceRule.Check(references, null, project));
    }

    [Fact]
    public void A_project_reference_declared_in_an_import_is_resolved_against_the_project_not_the_import()
    {
        var root = Path.Combine(_directory, "repo");
        var project = Path.Combine(root, "src", "Api", "Host", "Host.csproj");
        var targets = Path.Combine(root, "src", "Directory.Build.targets");
        Directory.CreateDirectory(Path.GetDirectoryName(project)!);
        File.WriteAllText(project, "<Project />");
        File.WriteAllText(targets, """
            <Project>
              <ItemGroup>
                <ProjectReference Include="..\..\Modules\Orders\Orders.csproj" />
                <ProjectReference Include="..\..\..\..\shared\Common.csproj" />
              </ItemGroup>
            </Project>
            """);
        var references = new[] { new DeclaredProjectReference("..\\..\\Modules\\Orders\\Orders.csproj", targets), new DeclaredProjectReference("..\\..\\..\\..\\shared\\Common.csproj", targets) };

        var finding = Assert.Single(ProjectReferenceRule.Check(references, root, project));
        Assert.Equal((targets, 4, 5, "../../../../shared/Common.csproj"), (finding.File, finding.Line, finding.Column, finding.FingerprintKey));
    }

    private ProjectSettings Settings(string project, string outputType = "Exe", bool isService = true, bool isTest = false,
        string stated = "", string flavour = "", string hostingModel = "", string transform = "") =>
        new(project, new[] { project }, outputType, isService, isTest, stated, flavour, hostingModel, transform);

    [Fact]
    public void An_executable_without_a_process_type_or_a_flavour_implying_one_is_reported()
    {
        var project = Project("  <PropertyGroup>\n    <OutputType>Exe</OutputType>\n  </PropertyGroup>");

        var finding = Assert.Single(TwelveFactor.Sdk.Composition.ProcessTypeRule.Check(Settings(project)));
        Assert.Equal(("TF0801", 3), (finding.RuleId, finding.Line));
        Assert.Empty(TwelveFactor.Sdk.Composition.ProcessTypeRule.Check(Settings(project, stated: "admin")));
        Assert.Empty(TwelveFactor.Sdk.Composition.ProcessTypeRule.Check(Settings(project, flavour: "worker")));
        Assert.Empty(TwelveFactor.Sdk.Composition.ProcessTypeRule.Check(Settings(project, outputType: "Library", isService: false)));
        Assert.Empty(TwelveFactor.Sdk.Composition.ProcessTypeRule.Check(Settings(project, isTest: true)));
    }

    [Fact]
    public void In_process_hosting_is_reported_only_where_the_project_asks_for_it()
    {
        var written = Project("""
              <PropertyGroup>
                <AspNetCoreHostingModel>InProcess</AspNetCoreHostingModel>
                <IsTransformWebConfigDisabled>false</IsTransformWebConfigDisabled>
              </PropertyGroup>
            """);

        var findings = HostingModelRule.Check(Settings(written, stated: "web", hostingModel: "InProcess", transform: "false")).ToList();
        Assert.Equal(new[] { ("AspNetCoreHostingModel", 3), ("IsTransformWebConfigDisabled", 4) }, findings.Select(f => (f.FingerprintKey, f.Line)));

        var sdkDefault = Project("  <PropertyGroup />");
        Assert.Empty(HostingModelRule.Check(Settings(sdkDefault, stated: "web", hostingModel: "inprocess", transform: "true")));
        Assert.Empty(HostingModelRule.Check(Settings(written, stated: "worker", hostingModel: "InProcess", transform: "false")));
    }
}
