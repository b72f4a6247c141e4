namespace TwelveFactor.Sdk.IntegrationTests;

/// <summary>SARIF output, incremental checks, design-time builds and settings validation.</summary>
public class EngineTests
{
    private const string FloatingSerilog = """
          <ItemGroup>
            <PackageReference Include="Serilog" Version="4.*" />
          </ItemGroup>
        """;

    [Fact]
    public void The_SARIF_log_goes_to_obj_and_to_TwelveFactorSarifLog_with_repository_relative_locations()
    {
        using var ws = Workspace.Create("sarif");
        ws.WriteProject("src/Svc", "admin", FloatingSerilog);

        var result = ws.Build("src/Svc", "-p:TwelveFactorSarifLog=" + ws.PathOf("reports/twelvefactor.sarif"));

        Assert.Equal(1, result.ExitCode);
        var sarif = Sarif.Load(ws.PathOf("reports/twelvefactor.sarif"));
        var finding = Assert.Single(sarif.Results);
        Assert.Equal(("TF0202", "error", "new"), (finding.RuleId, finding.Level, finding.BaselineState));
        Assert.Equal("src/Svc/Svc.csproj", finding.Uri);
        Assert.Equal(ws.LineOf("src/Svc/Svc.csproj", "Serilog"), finding.StartLine);
        Assert.Equal(File.ReadAllText(ws.PathOf("reports/twelvefactor.sarif")),
            File.ReadAllText(ws.PathOf("src/Svc/obj/Debug/net10.0/twelvefactor/TwelveFactor.sarif")));
        var rules = sarif.Document.RootElement.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver").GetProperty("rules");
        Assert.Contains(rules.EnumerateArray(), r => r.GetProperty("id").GetString() == "TF0202"
            && r.GetProperty("helpUri").GetString()!.EndsWith("docs/rules/TF0202.md"));
    }

    [Fact]
    public void With_UseArtifactsOutput_the_SARIF_log_is_where_the_README_says()
    {
        using var ws = Workspace.Create("sarif-artifacts");
        ws.WriteFile("Directory.Build.props", "<Project><PropertyGroup><UseArtifactsOutput>true</UseArtifactsOutput></PropertyGroup></Project>");
        ws.WriteProject("src/Svc", "admin", FloatingSerilog);

        var result = ws.Build("src/Svc");

        Assert.Equal(1, result.ExitCode);
        var finding = Assert.Single(Sarif.Load(ws.PathOf("artifacts/obj/Svc/debug/twelvefactor/TwelveFactor.sarif")).Results);
        Assert.Equal(("TF0202", "src/Svc/Svc.csproj"), (finding.RuleId, finding.Uri));
        Assert.False(ws.Exists("src/Svc/obj/Debug/net10.0/twelvefactor/TwelveFactor.sarif"));
    }

    [Fact]
    public void A_project_that_targets_several_frameworks_is_checked_once()
    {
        using var ws = Workspace.Create("multi-targeting");
        ws.WriteMultiTargetingLibrary("src/Lib", "namespace Lib;\n\npublic static class Library { }\n", FloatingSerilog);

        var result = ws.Build("src/Lib");

        Assert.Equal(1, result.ExitCode);
        var finding = Assert.Single(result.Findings.Select(f => f.ToString()).Distinct());
        // MSBuild repeats each error in its summary; an error per target framework would differ by the
        // "::TargetFramework=..." it is logged with.
        Assert.Single(result.Output.Split('\n').Select(l => l.Trim()).Where(l => l.Contains("error TF0202")).Distinct());
        Assert.Contains("TF0202", finding);
    }

    [Fact]
    public void A_no_op_build_skips_the_checks_but_still_reports_their_findings()
    {
        using var ws = Workspace.Create("incremental");
        ws.WriteProject("Svc", "admin", FloatingSerilog);
        Assert.Equal(1, ws.Build("Svc").ExitCode);

        var again = ws.Build("Svc", "-v:d");

        Assert.Equal(1, again.ExitCode);
        Assert.Single(again.WithCode("TF0202"));
        Assert.Contains("Skipping target \"TwelveFactorCheckDependencies\" because all output files are up-to-date", again.Output);

        // A switch that changes what the check reads makes it run again (the repository root is ws.Root by default).
        var changed = ws.Build("Svc", "-v:d", "-p:TwelveFactorRepositoryRoot=" + Path.GetDirectoryName(ws.Root));
        Assert.DoesNotContain("Skipping target \"TwelveFactorCheckDependencies\"", changed.Output);
    }

    [Fact]
    public void A_clean_no_op_build_skips_the_report_too_until_a_setting_changes()
    {
        using var ws = Workspace.Create("incremental-clean");
        ws.WriteProject("Svc", "admin");
        Assert.True(ws.Build("Svc").Succeeded);

        var again = ws.Build("Svc", "-v:d");

        Assert.True(again.Succeeded, again.ToString());
        Assert.Contains("Skipping target \"TwelveFactorReport\" because all output files are up-to-date", again.Output);

        var stricter = ws.Build("Svc", "-v:d", "-p:TwelveFactorPolicy=strict");
        Assert.True(stricter.Succeeded, stricter.ToString());
        Assert.DoesNotContain("Skipping target \"TwelveFactorReport\"", stricter.Output);
    }

    [Fact]
    public void After_an_edit_that_changes_no_finding_the_next_no_op_build_skips_the_report_again()
    {
        using var ws = Workspace.Create("incremental-edit");
        var project = ws.WriteProject("Svc", "admin");
        Assert.True(ws.Build("Svc").Succeeded);

        // A newer project file runs every check again; they find what they found before, so the SARIF log keeps its content.
        File.SetLastWriteTimeUtc(project, DateTime.UtcNow);
        var edited = ws.Build("Svc", "-v:d");
        var again = ws.Build("Svc", "-v:d");

        Assert.True(edited.Succeeded, edited.ToString());
        Assert.DoesNotContain("Skipping target \"TwelveFactorCheckDependencies\"", edited.Output);
        Assert.True(again.Succeeded, again.ToString());
        Assert.Contains("Skipping target \"TwelveFactorReport\" because all output files are up-to-date", again.Output);
    }

    [Fact]
    public void The_compilers_SARIF_log_is_written_only_where_the_analyzers_findings_are_collected()
    {
        using var ws = Workspace.Create("compiler-log");
        ws.WriteProject("Svc", "admin");

        Assert.True(ws.Build("Svc").Succeeded);
        Assert.False(ws.Exists("Svc/obj/Debug/net10.0/twelvefactor/compiler.sarif"), "a local build pays no compiler log");

        Assert.True(ws.Build("Svc", new Dictionary<string, string?> { ["CI"] = "true" }).Succeeded);
        Assert.True(ws.Exists("Svc/obj/Debug/net10.0/twelvefactor/compiler.sarif"), "CI collects the analyzer's findings");
    }

    [Fact]
    public void Design_time_builds_run_no_check()
    {
        using var ws = Workspace.Create("design-time");
        ws.WriteProject("Svc", "admin", FloatingSerilog);
        Assert.True(ws.Dotnet("Svc", "restore").Succeeded);

        var result = ws.Build("Svc", "--no-restore", "-p:DesignTimeBuild=true", "-p:SkipCompilerExecution=true", "-p:ProvideCommandLineArgs=true");

        Assert.Empty(result.Findings);
        Assert.False(ws.Exists("Svc/obj/Debug/net10.0/twelvefactor/dependencies.findings.json"));
    }

    [Fact]
    public void TwelveFactorEnabled_false_turns_every_check_off()
    {
        using var ws = Workspace.Create("disabled");
        ws.WriteProject("Svc", "admin", FloatingSerilog, properties: "\n    <TwelveFactorEnabled>false</TwelveFactorEnabled>");

        var result = ws.Build("Svc");

        Assert.True(result.Succeeded, result.ToString());
        Assert.Empty(result.Findings);
    }

    [Fact]
    public void Switching_every_check_off_in_CI_is_said_in_the_build_output_and_the_SARIF_log()
    {
        using var ws = Workspace.Create("disabled-ci");
        ws.WriteProject("Svc", "admin", FloatingSerilog, properties: "\n    <TwelveFactorEnabled>false</TwelveFactorEnabled>");

        var result = ws.Build("Svc", new Dictionary<string, string?> { ["CI"] = "true" });

        Assert.True(result.Succeeded, result.ToString());
        Assert.Empty(result.Findings);
        Assert.Contains("TwelveFactor: TwelveFactor.Sdk checked nothing: TwelveFactorEnabled is false in this CI build", result.Output);
        var sarif = ws.SarifOf("Svc");
        Assert.Empty(sarif.Results);
        var notification = sarif.Document.RootElement.GetProperty("runs")[0].GetProperty("invocations")[0].GetProperty("toolExecutionNotifications")[0];
        Assert.Equal("warning", notification.GetProperty("level").GetString());
        Assert.Contains("TwelveFactorEnabled is false", notification.GetProperty("message").GetProperty("text").GetString());
    }

    [Fact]
    public void Switching_every_check_off_in_CI_under_an_older_framework_MSBuild_still_builds_and_says_so()
    {
        // There the SDK's tasks cannot load, and TF0009 is not raised with the policy off: nothing may need a task.
        using var ws = Workspace.Create("disabled-ci-old-msbuild");
        ws.WriteProject("Svc", "admin", properties: "\n    <TwelveFactorEnabled>false</TwelveFactorEnabled>");

        var result = ws.Build("Svc", new Dictionary<string, string?> { ["CI"] = "true" },
            "-p:_TwelveFactorMSBuildRuntimeType=Full", "-p:_TwelveFactorMSBuildVersion=17.14.8");

        Assert.True(result.Succeeded, result.ToString());
        Assert.Empty(result.Findings);
        Assert.Contains("TwelveFactor: TwelveFactor.Sdk checked nothing: TwelveFactorEnabled is false in this CI build", result.Output);
        Assert.False(ws.Exists("Svc/obj/Debug/net10.0/twelvefactor/TwelveFactor.sarif"), "no task of the SDK ran");
    }

    [Fact]
    public void An_unknown_policy_or_process_type_is_a_coded_error()
    {
        using var ws = Workspace.Create("settings");
        ws.WriteProject("Svc", "webb");

        var result = ws.Build("Svc", "-p:TwelveFactorPolicy=lenient");

        Assert.Equal(1, result.ExitCode);
        var errors = result.WithCode("TF0005");
        Assert.Contains(errors, e => e.Message.StartsWith("TwelveFactorPolicy is 'lenient', which is not one of: strict, recommended, audit"));
        Assert.Contains(errors, e => e.Message.StartsWith("TwelveFactorProcessType is 'webb', which is not one of: web, worker, admin"));
    }

    [Fact]
    public void A_process_type_the_sdk_cannot_see_in_time_is_a_coded_error()
    {
        using var ws = Workspace.Create("process-type-late");
        ws.WriteFile("Directory.Build.props", "<Project><PropertyGroup><TwelveFactorProcessType>admin</TwelveFactorProcessType></PropertyGroup></Project>");
        ws.WriteProject("Svc", null);

        var result = ws.Build("Svc");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("TwelveFactorProcessType is 'admin' after evaluation but ''", Assert.Single(result.WithCode("TF0008")).Message);
    }
}
