using System.Text;
using TwelveFactor.Sdk.Policy;

namespace TwelveFactor.Sdk.Tests.Engine;

/// <summary>The engine's side of the analyzer: its global config, reading its findings back, shared fingerprints.</summary>
public class AnalyzerSupportTests
{
    [Theory]
    [InlineData(PolicyLevel.Recommended, "TF0702", "error")]
    [InlineData(PolicyLevel.Recommended, "TF0902", "warning")]
    [InlineData(PolicyLevel.Recommended, "TF0802", "suggestion")]
    [InlineData(PolicyLevel.Strict, "TF0802", "error")]
    [InlineData(PolicyLevel.Audit, "TF0702", "warning")]
    public void The_global_config_gives_each_rule_the_policy_levels_severity(PolicyLevel level, string ruleId, string severity)
    {
        var config = AnalyzerConfig.Create(level);

        Assert.Contains("is_global = true\n", config);
        Assert.Contains("global_level = -1\n", config);
        Assert.Contains($"dotnet_diagnostic.{ruleId}.severity = {severity}\n", config);
        Assert.DoesNotContain("TF0000", config);
    }

    [Fact]
    public void Compiler_results_of_catalogue_rules_become_findings_with_their_key_and_arguments()
    {
        var file = Path.Combine(Path.GetTempPath(), "svc", "Program.cs");
        var sarif = $$"""
            { "version": "2.1.0", "runs": [ { "results": [
              { "ruleId": "CS8618", "level": "warning", "message": { "text": "x" } },
              { "ruleId": "TF0702", "level": "error", "message": { "text": "UseUrls sets ..." },
                "locations": [ { "physicalLocation": { "artifactLocation": { "uri": "{{new Uri(file).AbsoluteUri}}" },
                  "region": { "startLine": 2, "startColumn": 25, "endLine": 2, "endColumn": 48 } } } ],
                "suppressions": [ { "kind": "external", "justification": "In TwelveFactor.baseline.json" } ],
                "properties": { "customProperties": { "TwelveFactorKey": "UseUrls|http://localhost:5000", "TwelveFactorArguments": "UseUrls\u001fhttp://localhost:5000" } } }
            ] } ] }
            """;

        var finding = Assert.Single(CompilerLog.Read(Encoding.UTF8.GetBytes(sarif)));

        Assert.Equal(("TF0702", file, 2, 25, 2, 48), (finding.RuleId, finding.File, finding.Line, finding.Column, finding.EndLine, finding.EndColumn));
        Assert.Equal("UseUrls|http://localhost:5000", finding.FingerprintKey);
        Assert.Equal(new[] { "UseUrls", "http://localhost:5000" }, finding.Arguments);
    }

    [Fact]
    public void A_log_that_is_not_SARIF_2_1_is_refused()
    {
        Assert.Throws<FormatException>(() => CompilerLog.Read(Encoding.UTF8.GetBytes("{ \"issues\": [] }")));
        Assert.Equal("/tmp/c.sarif", CompilerLog.PathOf("/tmp/c.sarif,version=2.1"));
    }

    [Theory]
    [InlineData("/src/svc", "/src/svc/Program.cs")]
    [InlineData("/src/svc/", "/src/svc/Api/Orders.cs")]
    [InlineData("/src/svc", "/src/shared/Linked.cs")]
    [InlineData("/src/svc", "/src/svc")]
    [InlineData("/src/svc", "/other/file.cs")]
    public void Relative_files_for_fingerprints_are_what_Path_GetRelativePath_gives(string baseDirectory, string file)
    {
        Assert.Equal(Path.GetRelativePath(baseDirectory, file).Replace('\\', '/'), Fingerprint.RelativeFile(baseDirectory, file));
    }
}
