using System.Text.Json;
using TwelveFactor.Sdk.Catalog;
using TwelveFactor.Sdk.Policy;

namespace TwelveFactor.Sdk.Tests.Engine;

public class SarifLogTests
{
    [Fact]
    public void The_log_is_SARIF_2_1_0_with_rules_help_links_locations_fingerprints_and_baseline_state()
    {
        var root = Path.Combine(Path.GetTempPath(), "repo");
        var project = Path.Combine(root, "src", "Svc", "Svc.csproj");
        var finding = new Finding(RuleIds.FloatingVersion, project, 7, 5, new[] { "PackageReference", "Serilog", "4.*" }, "k");
        var report = FindingReport.Create(new[] { finding }, Path.GetDirectoryName(project)!, SeverityPolicy.Default, Baseline.Empty);

        using var document = JsonDocument.Parse(SarifLog.Create(report, root, "1.2.3", project, "recommended"));
        var run = document.RootElement.GetProperty("runs")[0];
        Assert.Equal("2.1.0", document.RootElement.GetProperty("version").GetString());
        var driver = run.GetProperty("tool").GetProperty("driver");
        Assert.Equal("TwelveFactor.Sdk", driver.GetProperty("name").GetString());
        Assert.Equal("1.2.3", driver.GetProperty("version").GetString());
        var rules = driver.GetProperty("rules").EnumerateArray().ToList();
        Assert.Equal(RuleCatalog.All.Count(), rules.Count);

        var result = run.GetProperty("results")[0];
        Assert.Equal("TF0202", result.GetProperty("ruleId").GetString());
        Assert.Equal("TF0202", rules[result.GetProperty("ruleIndex").GetInt32()].GetProperty("id").GetString());
        Assert.EndsWith("docs/rules/TF0202.md", rules[result.GetProperty("ruleIndex").GetInt32()].GetProperty("helpUri").GetString());
        Assert.Equal("error", result.GetProperty("level").GetString());
        Assert.Equal("new", result.GetProperty("baselineState").GetString());
        var location = result.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.Equal("src/Svc/Svc.csproj", location.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal("SRCROOT", location.GetProperty("artifactLocation").GetProperty("uriBaseId").GetString());
        Assert.Equal(7, location.GetProperty("region").GetProperty("startLine").GetInt32());
        Assert.Equal(5, location.GetProperty("region").GetProperty("startColumn").GetInt32());
        Assert.Matches("^[0-9a-f]{32}$", result.GetProperty("partialFingerprints").GetProperty(SarifLog.FingerprintName).GetString());
    }
}
