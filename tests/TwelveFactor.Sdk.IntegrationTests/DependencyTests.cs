namespace TwelveFactor.Sdk.IntegrationTests;

/// <summary>Factor II: floating versions and system-wide references, with MSBuild's switches over them.</summary>
public class DependencyTests
{
    private const string FloatingSerilog = """
          <ItemGroup>
            <PackageReference Include="Serilog" Version="4.*" />
          </ItemGroup>
        """;

    [Fact]
    public void A_floating_version_breaks_the_build_at_its_line()
    {
        using var ws = Workspace.Create("floating");
        ws.WriteProject("Svc", "admin", FloatingSerilog);

        var result = ws.Build("Svc");

        Assert.Equal(1, result.ExitCode);
        var finding = Assert.Single(result.Findings);
        Assert.Equal(("TF0202", "error", "Svc.csproj"), (finding.Code, finding.Severity, finding.FileName));
        Assert.Equal((ws.LineOf("Svc/Svc.csproj", "Include=\"Serilog\""), 5), (finding.Line, finding.Column));
        Assert.StartsWith("PackageReference 'Serilog' has the floating or open-ended version '4.*'.", finding.Message);
        Assert.Contains("Factor II (Dependencies)", finding.Message);
    }

    [Fact]
    public void A_version_from_a_property_is_reported_with_the_property()
    {
        using var ws = Workspace.Create("floating-property");
        ws.WriteProject("Svc", "admin", """
              <PropertyGroup>
                <SerilogVersion>[4.0,)</SerilogVersion>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Serilog" Version="$(SerilogVersion)" />
              </ItemGroup>
            """);

        var result = ws.Build("Svc");

        var finding = Assert.Single(result.WithCode("TF0202"));
        Assert.Equal(ws.LineOf("Svc/Svc.csproj", "Include=\"Serilog\""), finding.Line);
        Assert.Contains("'[4.0,) (from $(SerilogVersion))'", finding.Message);
    }

    [Fact]
    public void Central_and_global_package_versions_are_reported_in_Directory_Packages_props()
    {
        using var ws = Workspace.Create("floating-central");
        ws.WriteFile("Directory.Packages.props", """
            <Project>
              <PropertyGroup>
                <ManagePackageVersionsCentrally>true</ManagePackageVersionsCentrally>
                <CentralPackageFloatingVersionsEnabled>true</CentralPackageFloatingVersionsEnabled>
              </PropertyGroup>
              <ItemGroup>
                <PackageVersion Include="Serilog" Version="4.*" />
                <PackageVersion Include="Polly" Version="8.*" />
                <GlobalPackageReference Include="Newtonsoft.Json" Version="[13.0.1,)" />
              </ItemGroup>
            </Project>
            """);
        ws.WriteProject("Svc", "admin", """
              <ItemGroup>
                <PackageReference Include="Serilog" />
              </ItemGroup>
            """);

        var result = ws.Build("Svc");

        Assert.Equal(1, result.ExitCode);
        var findings = result.WithCode("TF0202").OrderBy(f => f.Line).ToList();
        Assert.Equal(2, findings.Count);
        Assert.All(findings, f => Assert.Equal("Directory.Packages.props", f.FileName));
        Assert.Equal(ws.LineOf("Directory.Packages.props", "\"Serilog\""), findings[0].Line);
        Assert.Equal(ws.LineOf("Directory.Packages.props", "\"Newtonsoft.Json\""), findings[1].Line);
        Assert.DoesNotContain(findings, f => f.Message.Contains("Polly"));
    }

    [Fact]
    public void References_outside_the_repository_or_in_system_folders_break_the_build_and_vendored_ones_do_not()
    {
        using var ws = Workspace.Create("references");
        Directory.CreateDirectory(ws.PathOf("lib"));
        File.Copy(typeof(Workspace).Assembly.Location, ws.PathOf("lib/Vendored.dll"));
        ws.WriteProject("Svc", "admin", """
              <ItemGroup>
                <Reference Include="Vendored"><HintPath>../lib/Vendored.dll</HintPath></Reference>
                <Reference Include="System.Web"><HintPath>/usr/lib/mono/4.5/System.Web.dll</HintPath></Reference>
                <Reference Include="Elsewhere"><HintPath>/srv/shared-libs/Elsewhere.dll</HintPath></Reference>
              </ItemGroup>
            """);

        var result = ws.Build("Svc");

        Assert.Equal(1, result.ExitCode);
        var findings = result.WithCode("TF0203").OrderBy(f => f.Line).ToList();
        Assert.Equal(2, findings.Count);
        Assert.Equal(ws.LineOf("Svc/Svc.csproj", "System.Web"), findings[0].Line);
        Assert.Contains("a system folder", findings[0].Message);
        Assert.Equal(ws.LineOf("Svc/Svc.csproj", "Elsewhere"), findings[1].Line);
        Assert.Contains("outside the repository", findings[1].Message);
    }

    [Fact]
    public void NoWarn_silences_a_rule_and_the_SARIF_log_records_the_suppression()
    {
        using var ws = Workspace.Create("nowarn");
        ws.WriteProject("Svc", "admin", FloatingSerilog, properties: "\n    <NoWarn>$(NoWarn);TF0202</NoWarn>");

        var result = ws.Build("Svc");

        Assert.True(result.Succeeded, result.ToString());
        Assert.Empty(result.Findings);
        var sarif = Assert.Single(ws.SarifOf("Svc").Results);
        Assert.Equal(("TF0202", "none"), (sarif.RuleId, sarif.Level));
    }

    [Fact]
    public void WarningsNotAsErrors_turns_one_rule_into_a_warning()
    {
        using var ws = Workspace.Create("not-as-errors");
        ws.WriteProject("Svc", "admin", FloatingSerilog, properties: "\n    <WarningsNotAsErrors>TF0202</WarningsNotAsErrors>");

        var result = ws.Build("Svc");

        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal("warning", Assert.Single(result.Findings).Severity);
    }

    [Fact]
    public void Audit_never_breaks_the_build_even_under_TreatWarningsAsErrors()
    {
        using var ws = Workspace.Create("audit");
        ws.WriteProject("Svc", "admin", FloatingSerilog, properties: "\n    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>");

        var result = ws.Build("Svc", "-p:TwelveFactorPolicy=audit");

        Assert.True(result.Succeeded, result.ToString());
        var finding = Assert.Single(result.Findings);
        Assert.Equal(("TF0202", "warning"), (finding.Code, finding.Severity));
        Assert.Equal("warning", Assert.Single(ws.SarifOf("Svc").Results).Level);
    }
}
