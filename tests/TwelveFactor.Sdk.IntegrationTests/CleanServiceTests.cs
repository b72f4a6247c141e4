namespace TwelveFactor.Sdk.IntegrationTests;

/// <summary>A clean project of every kind builds with no finding at all, even under the strict policy.</summary>
public class CleanServiceTests
{
    [Theory]
    [InlineData("web")]
    [InlineData("worker")]
    [InlineData("admin")]
    [InlineData(null)]
    public void A_clean_project_builds_with_no_finding_under_strict(string? processType)
    {
        using var ws = Workspace.Create("clean-" + (processType ?? "library"));
        ws.WriteProject("Svc", processType);

        var result = ws.Build("Svc", "-p:TwelveFactorPolicy=strict");

        Assert.True(result.Succeeded, result.ToString());
        Assert.Empty(result.Findings);
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity == "warning");
        Assert.Empty(ws.SarifOf("Svc").Results);
        Assert.True(ws.Exists("Svc/packages.lock.json"), "restore writes the lock file");
        Assert.Contains("commit it", result.Output);
    }

    [Fact]
    public void A_web_project_publishes_like_the_web_sdk_but_without_web_config()
    {
        using var ws = Workspace.Create("publish-web");
        ws.WriteProject("Svc", "web");
        ws.WriteFile("Svc/appsettings.json", "{ \"Logging\": { \"LogLevel\": { \"Default\": \"Information\" } } }");

        var result = ws.Dotnet("Svc", "publish", "-nologo", "-tl:off", "-o", "out");

        Assert.True(result.Succeeded, result.ToString());
        Assert.True(ws.Exists("Svc/out/Svc.dll"));
        Assert.True(ws.Exists("Svc/out/appsettings.json"), "web content is published as with Microsoft.NET.Sdk.Web");
        Assert.True(ws.Exists("Svc/out/Svc.runtimeconfig.json"));
        Assert.Contains("Microsoft.AspNetCore.App", ws.ReadFile("Svc/out/Svc.runtimeconfig.json"));
        Assert.False(ws.Exists("Svc/out/web.config"), "a web process binds its own port: no IIS web.config");
    }

    [Fact]
    public void The_version_can_come_from_global_json_msbuild_sdks()
    {
        using var ws = Workspace.Create("global-json");
        ws.WriteFile("global.json", $$"""{ "msbuild-sdks": { "TwelveFactor.Sdk": "{{ws.Sdk.Version}}" } }""");
        ws.WriteProject("Svc", "admin", sdk: "TwelveFactor.Sdk");

        var result = ws.Build("Svc");

        Assert.True(result.Succeeded, result.ToString());
        Assert.Empty(result.Findings);
    }
}
