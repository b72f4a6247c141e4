namespace TwelveFactor.Sdk.IntegrationTests;

/// <summary>The scorecard of -t:TwelveFactorAssess says what was checked: the analyzer's findings and a Dockerfile's user count.</summary>
public class AssessmentTests
{
    [Fact]
    public void Findings_only_the_code_shows_are_counted_per_factor()
    {
        using var ws = Workspace.Create("assess-code");
        ws.WriteProject("Svc", "worker");
        ws.WriteFile("Svc/Logging.cs", """
            namespace Svc;

            public static class Logging
            {
                public static void Write(string message) => File.AppendAllText("app.log", message);
            }
            """);

        var result = ws.Build("Svc", "-t:TwelveFactorAssess");

        Assert.True(result.Succeeded, result.ToString());
        Assert.Matches(@"XI\s+Logs\s+1 finding \(TF1101\)", result.Output);
        Assert.Matches(@"VI\s+Processes\s+compliant", result.Output);
    }

    [Fact]
    public void A_project_that_targets_several_frameworks_is_assessed_with_its_code_findings()
    {
        // Its code is compiled for the first framework, where the analyzer's findings are then read.
        using var ws = Workspace.Create("assess-multi-targeting");
        ws.WriteMultiTargetingLibrary("Lib", SampleCode.FileLogging);

        var result = ws.Build("Lib", "-t:TwelveFactorAssess");

        Assert.True(result.Succeeded, result.ToString());
        Assert.True(System.Text.RegularExpressions.Regex.IsMatch(result.Output, @"XI\s+Logs\s+1 finding \(TF1101\)"), result.Output);
        Assert.True(ws.Exists("Lib/obj/twelvefactor-assess/Debug/net10.0/Lib.dll"), "compiled in the assessment's own folder");
    }

    [Fact]
    public void Assessing_unchanged_code_again_compiles_nothing_and_neither_does_the_build_after_it()
    {
        using var ws = Workspace.Create("assess-incremental");
        ws.WriteProject("Lib", null);
        ws.WriteFile("Lib/Greeting.cs", "namespace Lib;\n\npublic static class Greeting\n{\n    public const string Text = \"hello\";\n}\n");
        ws.WriteProject("Svc", "worker", body: "  <ItemGroup>\n    <ProjectReference Include=\"../Lib/Lib.csproj\" />\n  </ItemGroup>\n");
        var assessed = ws.Build("Svc", "-t:TwelveFactorAssess");
        var built = ws.Build("Svc");
        Assert.True(assessed.Succeeded && built.Succeeded, assessed + "\n" + built);
        var compiled = CompiledAssemblies(ws);

        var assessedAgain = ws.Build("Svc", "-t:TwelveFactorAssess");
        var builtAgain = ws.Build("Svc");

        Assert.True(assessedAgain.Succeeded && builtAgain.Succeeded, assessedAgain + "\n" + builtAgain);
        // The code rules still count: the unchanged compile's findings are read again.
        Assert.Matches(@"VI\s+Processes\s+compliant", assessedAgain.Output);
        Assert.Equal(compiled, CompiledAssemblies(ws));
    }

    /// <summary>When each assembly of the ordinary build and of the assessment's compile was last written.</summary>
    private static Dictionary<string, DateTime> CompiledAssemblies(Workspace ws)
    {
        var assemblies = new[] { "Svc/obj/Debug/net10.0/Svc.dll", "Lib/obj/Debug/net10.0/Lib.dll",
            "Svc/obj/twelvefactor-assess/Debug/net10.0/Svc.dll", "Lib/obj/twelvefactor-assess/Debug/net10.0/Lib.dll" };
        Assert.All(assemblies, path => Assert.True(ws.Exists(path), path));
        return assemblies.ToDictionary(path => path, path => File.GetLastWriteTimeUtc(ws.PathOf(path)));
    }

    [Fact]
    public void A_dockerfiles_user_answers_factor_IX_only_when_there_is_a_dockerfile()
    {
        using var ws = Workspace.Create("assess-dockerfile");
        ws.WriteProject("Svc", "web");

        var without = ws.Build("Svc", "-t:TwelveFactorAssess", "-p:TwelveFactorAnalyzersEnabled=false");

        Assert.True(without.Succeeded, without.ToString());
        // With the analyzer switched off, its rule for the factor (TF0902) is named as not checked.
        Assert.Matches(@"IX\s+Disposability\s+not checked \(TF0902\): the SDK's analyzer is switched off \(TwelveFactorAnalyzersEnabled=false\)", without.Output);
        Assert.Matches(@"VIII\s+Concurrency\s+compliant \(TF0802 not run: the SDK's analyzer is switched off", without.Output);

        ws.WriteFile("Svc/Dockerfile", SampleCode.CleanDockerfile);
        var with = ws.Build("Svc", "-t:TwelveFactorAssess", "-p:TwelveFactorAnalyzersEnabled=false");

        Assert.True(with.Succeeded, with.ToString());
        Assert.Matches(@"IX\s+Disposability\s+compliant", with.Output);
    }

    [Fact]
    public void A_project_whose_restore_fails_leaves_no_lock_file_and_is_assessed_by_the_checks_that_need_no_restore()
    {
        using var ws = Workspace.Create("assess-restore-fails");
        ws.WriteProject("Svc", "web", body: "  <ItemGroup>\n    <PackageReference Include=\"TwelveFactor.No.Such.Package\" Version=\"1.0.0\" />\n  </ItemGroup>\n");
        ws.WriteFile("Svc/appsettings.json", "{ \"ConnectionStrings\": { \"Db\": \"Server=db.internal;User Id=app;Password=Tr0ub4dor&3xyz;\" } }");

        var restoreFailed = ws.Build("Svc", "-t:TwelveFactorAssess");

        Assert.Equal(1, restoreFailed.ExitCode);
        Assert.Contains("NU1101", restoreFailed.Output);
        Assert.Contains("packages.lock.json if it succeeds", restoreFailed.Output);
        Assert.False(ws.Exists("Svc/packages.lock.json"), "a failed restore left a lock file that lists none of the packages");

        // MSBuild runs no target after a failed restore; without restore the assessment runs what needs none.
        var assessed = ws.Build("Svc", "-t:TwelveFactorAssess", "--no-restore");

        Assert.Matches(@"III\s+Config\s+1 finding \(TF0303\)", assessed.Output);
        Assert.Matches(@"IV\s+Backing services\s+1 finding \(TF0401\)", assessed.Output);
        Assert.Matches(@"VI\s+Processes\s+not checked \(TF0601\): restore failed \(NU1101\)", assessed.Output);
        Assert.Contains("Svc: the checks of TF0303, TF0401, TF0601, TF0702, TF0802, TF0902, TF1101, TF1201 could not run because restore failed (NU1101)", assessed.Output);
        Assert.Contains("not checked (TF0601): restore failed (NU1101)", ws.ReadFile("Svc/obj/Debug/net10.0/twelvefactor/TwelveFactor.assessment.md"));
        Assert.DoesNotContain("Tr0ub4dor", assessed.Output + restoreFailed.Output);
    }

    [Fact]
    public void A_project_never_restored_is_assessed_without_a_compile_and_says_restore_has_not_run()
    {
        using var ws = Workspace.Create("assess-not-restored");
        ws.WriteProject("Svc", "worker");

        var assessed = ws.Build("Svc", "-t:TwelveFactorAssess", "--no-restore");

        Assert.Contains("could not run because restore has not run (no project.assets.json)", assessed.Output);
        Assert.Matches(@"VI\s+Processes\s+not checked \(TF0601\): restore has not run", assessed.Output);
        Assert.DoesNotContain("NETSDK1004", assessed.Output);
    }
}
