namespace TwelveFactor.Sdk.IntegrationTests;

/// <summary>Incremental adoption: freeze today's findings, break only on new ones, shrink as they are fixed.</summary>
public class BaselineTests
{
    private static string Packages(params string[] items) =>
        "  <ItemGroup>\n" + string.Concat(items.Select(i => $"    <PackageReference Include=\"{i}\" Version=\"*\" />\n")) + "  </ItemGroup>";

    [Fact]
    public void A_baseline_freezes_todays_findings_survives_moved_lines_and_lets_only_new_findings_break()
    {
        using var ws = Workspace.Create("baseline");
        ws.WriteProject("Svc", "admin", Packages("Serilog"));
        Assert.Equal(1, ws.Build("Svc").ExitCode);

        var baselining = ws.Build("Svc", "-t:TwelveFactorBaseline");
        Assert.True(baselining.Succeeded, baselining.ToString());
        var baseline = ws.ReadFile("Svc/TwelveFactor.baseline.json");
        Assert.Contains("\"ruleId\": \"TF0202\"", baseline);
        Assert.Contains("\"file\": \"Svc.csproj\"", baseline);

        var accepted = ws.Build("Svc");
        Assert.True(accepted.Succeeded, accepted.ToString());
        Assert.Empty(accepted.Findings);
        var sarif = Assert.Single(ws.SarifOf("Svc").Results);
        Assert.Equal(("unchanged", "note"), (sarif.BaselineState, sarif.Level));

        // Unrelated edits move the line: the entry still matches.
        ws.WriteProject("Svc", "admin", "  <PropertyGroup>\n    <Description>moved</Description>\n  </PropertyGroup>\n" + Packages("Serilog"));
        Assert.True(ws.Build("Svc").Succeeded);

        // A new violation breaks the build; the baselined one does not.
        ws.WriteProject("Svc", "admin", Packages("Serilog", "Polly"));
        var fresh = ws.Build("Svc");
        Assert.Equal(1, fresh.ExitCode);
        var error = Assert.Single(fresh.Errors);
        Assert.Equal("TF0202", error.Code);
        Assert.Contains("'Polly'", error.Message);
    }

    [Fact]
    public void A_project_that_targets_several_frameworks_has_its_code_findings_baselined()
    {
        using var ws = Workspace.Create("baseline-multi-targeting");
        ws.WriteMultiTargetingLibrary("Lib", SampleCode.FileLogging);
        var before = ws.Build("Lib", "-p:TwelveFactorPolicy=strict");
        Assert.Equal(1, before.ExitCode);
        Assert.Equal("TF1101", Assert.Single(before.Errors.Select(e => e.Code).Distinct()));

        var baselining = ws.Build("Lib", "-t:TwelveFactorBaseline");

        Assert.True(baselining.Succeeded, baselining.ToString());
        Assert.Contains("\"ruleId\": \"TF1101\"", ws.ReadFile("Lib/TwelveFactor.baseline.json"));
        var accepted = ws.Build("Lib", "-p:TwelveFactorPolicy=strict");
        Assert.True(accepted.Succeeded, accepted.ToString());
    }

    [Fact]
    public void Entries_that_no_longer_match_are_reported_so_the_baseline_can_shrink()
    {
        using var ws = Workspace.Create("baseline-stale");
        ws.WriteProject("Svc", "admin", Packages("Serilog"));
        Assert.True(ws.Build("Svc", "-t:TwelveFactorBaseline").Succeeded);
        ws.WriteProject("Svc", "admin");

        var result = ws.Build("Svc");
        Assert.True(result.Succeeded, result.ToString());
        var stale = Assert.Single(result.WithCode("TF0002"));
        Assert.Equal(("warning", "TwelveFactor.baseline.json"), (stale.Severity, stale.FileName));
        Assert.Contains("TF0202 in Svc.csproj", stale.Message);
        Assert.Equal("absent", Assert.Single(ws.SarifOf("Svc").Results).BaselineState);

        var strictAboutIt = ws.Build("Svc", "-p:WarningsAsErrors=TF0002");
        Assert.Equal(1, strictAboutIt.ExitCode);
        Assert.Equal("error", Assert.Single(strictAboutIt.WithCode("TF0002")).Severity);
    }

    [Fact]
    public void A_malformed_baseline_is_a_coded_error_naming_the_file_and_position()
    {
        using var ws = Workspace.Create("baseline-broken");
        ws.WriteProject("Svc", "admin");
        ws.WriteFile("Svc/TwelveFactor.baseline.json", "{\n  \"version\": 1,\n  \"findings\": [ { \"ruleId\": \"TF0202\", \n");

        var result = ws.Build("Svc");

        Assert.Equal(1, result.ExitCode);
        Assert.DoesNotContain("MSB4018", result.Output);
        var error = Assert.Single(result.WithCode("TF0001"));
        Assert.Equal("TwelveFactor.baseline.json", error.FileName);
        Assert.True(error.Line >= 3, error.ToString());
        Assert.Contains("invalid JSON", error.Message);
    }

    [Fact]
    public void A_read_only_folder_gives_a_coded_error_when_the_baseline_cannot_be_written()
    {
        if (Environment.UserName == "root")
        {
            // root writes through read-only permissions; point the baseline at a path that cannot be a file instead.
        }

        using var ws = Workspace.Create("baseline-readonly");
        ws.WriteProject("Svc", "admin", Packages("Serilog"));
        Directory.CreateDirectory(ws.PathOf("Svc/blocked.json"));

        var result = ws.Build("Svc", "-t:TwelveFactorBaseline", "-p:TwelveFactorBaselineFile=blocked.json");

        Assert.Equal(1, result.ExitCode);
        Assert.DoesNotContain("MSB4018", result.Output);
        Assert.Contains("blocked.json", Assert.Single(result.WithCode("TF0007")).Message);
    }
}
