using System.Text.Json;

namespace TwelveFactor.Sdk.IntegrationTests;

/// <summary>The extension points of docs/extending.md: a company's own check joins the report.</summary>
public class ExtensionTests
{
    [Fact]
    public void A_check_imported_through_CustomAfterTwelveFactorTargets_is_reported_with_its_file_and_line()
    {
        using var ws = Workspace.Create("extension");
        ws.WriteProject("Svc", "admin");
        var queues = ws.WriteFile("Svc/queues.yaml", "queues:\n  orders: amqp://mq.internal\n");
        var findings = new
        {
            findings = new[]
            {
                new { ruleId = "TF0401", file = queues, line = 2, column = 3, arguments = new[] { "The setting queues:orders", "mq.internal" }, key = "queues:orders" },
            },
        };
        ws.WriteFile("build/queue-findings.json", JsonSerializer.Serialize(findings));
        ws.WriteFile("build/Company.TwelveFactor.targets", """
            <Project>
              <PropertyGroup>
                <TwelveFactorCheckDependsOn>$(TwelveFactorCheckDependsOn);CompanyCheckQueues</TwelveFactorCheckDependsOn>
                <_CompanyQueueFindings>$(TwelveFactorIntermediatePath)company-queues.findings.json</_CompanyQueueFindings>
              </PropertyGroup>
              <ItemGroup>
                <TwelveFactorFindingsFile Include="$(_CompanyQueueFindings)" />
              </ItemGroup>
              <Target Name="CompanyCheckQueues">
                <Copy SourceFiles="$(MSBuildThisFileDirectory)queue-findings.json" DestinationFiles="$(_CompanyQueueFindings)" />
              </Target>
            </Project>
            """);
        ws.WriteFile("Directory.Build.props", """
            <Project>
              <PropertyGroup>
                <CustomAfterTwelveFactorTargets>$(MSBuildThisFileDirectory)build/Company.TwelveFactor.targets</CustomAfterTwelveFactorTargets>
              </PropertyGroup>
            </Project>
            """);

        var result = ws.Build("Svc", "-p:TwelveFactorPolicy=strict");

        Assert.Equal(1, result.ExitCode);
        var finding = Assert.Single(result.WithCode("TF0401"));
        Assert.Equal(("queues.yaml", 2, 3, "error"), (finding.FileName, finding.Line, finding.Column, finding.Severity));
        Assert.StartsWith("The setting queues:orders points at the fixed address 'mq.internal'.", finding.Message);
        Assert.Contains(ws.SarifOf("Svc").Results, r => r.RuleId == "TF0401" && r.Uri == "Svc/queues.yaml" && r.StartLine == 2);
    }
}
