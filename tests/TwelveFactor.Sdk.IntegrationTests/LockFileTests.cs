namespace TwelveFactor.Sdk.IntegrationTests;

/// <summary>TF0201: lock files on everywhere, locked in CI.</summary>
public class LockFileTests
{
    private static readonly Dictionary<string, string?> Ci = new() { ["CI"] = "true" };

    [Fact]
    public void In_CI_a_missing_lock_file_fails_the_restore_before_one_is_written()
    {
        using var ws = Workspace.Create("ci-missing-lock");
        ws.WriteProject("Svc", "admin");

        var result = ws.Build("Svc", Ci);

        Assert.NotEqual(0, result.ExitCode);
        var finding = Assert.Single(result.WithCode("TF0201"));
        Assert.Equal(("error", "Svc.csproj"), (finding.Severity, finding.FileName));
        Assert.Contains("'packages.lock.json' is missing in a CI build", finding.Message);
        Assert.False(ws.Exists("Svc/packages.lock.json"));
    }

    [Fact]
    public void In_CI_a_missing_lock_file_is_in_the_SARIF_logs_like_every_other_finding()
    {
        using var ws = Workspace.Create("ci-missing-lock-sarif");
        ws.WriteProject("src/Svc", "admin");

        var result = ws.Build("src/Svc", Ci, "-p:TwelveFactorSarifLog=" + ws.PathOf("reports/twelvefactor.sarif"));

        Assert.NotEqual(0, result.ExitCode);
        foreach (var sarif in new[] { Sarif.Load(ws.PathOf("reports/twelvefactor.sarif")), ws.SarifOf("src/Svc") })
        {
            var finding = Assert.Single(sarif.Results);
            Assert.Equal(("TF0201", "error", "src/Svc/Svc.csproj"), (finding.RuleId, finding.Level, finding.Uri));
        }
    }

    [Fact]
    public void In_CI_a_stale_lock_file_fails_with_NuGets_NU1004_and_a_current_one_passes()
    {
        using var ws = Workspace.Create("ci-stale-lock");
        ws.WriteProject("Svc", "admin");
        Assert.True(ws.Build("Svc").Succeeded);
        Assert.True(ws.Build("Svc", Ci).Succeeded, "the committed lock file is current");

        ws.WriteProject("Svc", "admin", """
              <ItemGroup>
                <PackageReference Include="Newtonsoft.Json" Version="13.0.1" />
              </ItemGroup>
            """);
        var result = ws.Build("Svc", Ci);

        Assert.NotEqual(0, result.ExitCode);
        Assert.NotEmpty(result.WithCode("NU1004"));
    }

    [Fact]
    public void In_CI_a_project_that_switches_locked_mode_off_fails_at_the_property_before_the_lock_file_is_rewritten()
    {
        using var ws = Workspace.Create("ci-unlocked");
        ws.WriteProject("Svc", "admin");
        Assert.True(ws.Build("Svc").Succeeded);
        var committed = ws.ReadFile("Svc/packages.lock.json");
        ws.WriteProject("Svc", "admin", """
              <ItemGroup>
                <PackageReference Include="Newtonsoft.Json" Version="13.0.1" />
              </ItemGroup>
            """, properties: "\n    <RestoreLockedMode>false</RestoreLockedMode>");

        var result = ws.Build("Svc", Ci);

        Assert.NotEqual(0, result.ExitCode);
        var finding = Assert.Single(result.WithCode("TF0201"));
        Assert.Equal(("error", ws.LineOf("Svc/Svc.csproj", "<RestoreLockedMode>")), (finding.Severity, finding.Line));
        Assert.Contains("RestoreLockedMode is false in a CI build", finding.Message);
        Assert.Equal(committed, ws.ReadFile("Svc/packages.lock.json"));
    }

    [Fact]
    public void Switching_lock_files_off_is_reported_at_the_property()
    {
        using var ws = Workspace.Create("lock-off");
        ws.WriteProject("Svc", "admin", properties: "\n    <RestorePackagesWithLockFile>false</RestorePackagesWithLockFile>");

        var result = ws.Build("Svc");

        Assert.Equal(1, result.ExitCode);
        var finding = Assert.Single(result.WithCode("TF0201"));
        Assert.Equal(ws.LineOf("Svc/Svc.csproj", "<RestorePackagesWithLockFile>"), finding.Line);
        Assert.False(ws.Exists("Svc/packages.lock.json"));
    }

    [Fact]
    public void A_lock_file_that_is_not_JSON_is_named_with_its_position()
    {
        using var ws = Workspace.Create("lock-broken");
        ws.WriteProject("Svc", "admin");
        ws.WriteFile("Svc/packages.lock.json", "{\n  \"version\": 1,\n  \"dependencies\": {\n    \"net10.0\": { oops\n");

        var result = ws.Build("Svc");

        Assert.DoesNotContain("MSB4018", result.Output);
        var finding = Assert.Single(result.WithCode("TF0004"));
        Assert.Equal(("packages.lock.json", 4), (finding.FileName, finding.Line));
        Assert.Contains("invalid JSON at line 4", finding.Message);
    }
}
