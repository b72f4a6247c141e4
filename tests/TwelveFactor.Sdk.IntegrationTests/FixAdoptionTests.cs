using System.Text.RegularExpressions;

namespace TwelveFactor.Sdk.IntegrationTests;

/// <summary>
/// Adopting the SDK in a service that predates it, then letting -t:TwelveFactorFix do the work: two service
/// projects and a library, Directory.Build.props with lock files off, central package versions that float (one
/// through a property), appsettings with secrets and a fixed listen address. After the fix every project builds
/// clean under the strict policy, and the diff is what a reviewer would approve: only the intended lines changed.
/// </summary>
public class FixAdoptionTests
{
    private const string OrdersPassword = "Host=orders-db.internal;Username=orders;Password=Xk9mQ2vL7pR4wZt8";

    private const string QueuePassword = "n7Qp2xLr9Vz4Tk8m";

    private static void WriteBillingService(Workspace ws)
    {
        ws.WriteFile(".gitignore", "bin/\nobj/\n");
        ws.WriteFile("Directory.Build.props", """
            <Project>
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <!-- CI restores were slow in 2021 -->
                <RestorePackagesWithLockFile>false</RestorePackagesWithLockFile>
              </PropertyGroup>
            </Project>
            """);
        ws.WriteFile("Directory.Packages.props", """
            <Project>
              <PropertyGroup>
                <ManagePackageVersionsCentrally>true</ManagePackageVersionsCentrally>
                <CentralPackageFloatingVersionsEnabled>true</CentralPackageFloatingVersionsEnabled>
                <SerilogVersion>4.*</SerilogVersion>
              </PropertyGroup>
              <ItemGroup>
                <PackageVersion Include="Serilog" Version="$(SerilogVersion)" />
                <PackageVersion Include="Polly" Version="8.*" />
                <PackageVersion Include="Microsoft.Extensions.Hosting" Version="10.0.0" />
              </ItemGroup>
            </Project>
            """);

        ws.WriteFile("src/Billing.Domain/Billing.Domain.csproj", $"""
            <Project Sdk="{ws.SdkReference}">
            </Project>
            """);
        ws.WriteFile("src/Billing.Domain/Invoice.cs", "namespace Billing.Domain;\n\npublic sealed record Invoice(int Id, decimal Amount);\n");

        ws.WriteFile("src/Billing.Api/Billing.Api.csproj", $"""
            <Project Sdk="{ws.SdkReference}">
              <PropertyGroup>
                <TwelveFactorProcessType>web</TwelveFactorProcessType>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Serilog" />
                <ProjectReference Include="../Billing.Domain/Billing.Domain.csproj" />
              </ItemGroup>
            </Project>
            """);
        ws.WriteFile("src/Billing.Api/Program.cs", SampleCode.For("web"));
        ws.WriteFile("src/Billing.Api/appsettings.json", $$"""
            {
              "urls": "http://0.0.0.0:5000", // the old VM
              "ConnectionStrings": {
                "Orders": "{{OrdersPassword}}",
              },
              "Logging": { "LogLevel": { "Default": "Information" } },
            }
            """);

        ws.WriteFile("src/Billing.Worker/Billing.Worker.csproj", $"""
            <Project Sdk="{ws.SdkReference}">
              <PropertyGroup>
                <TwelveFactorProcessType>worker</TwelveFactorProcessType>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Microsoft.Extensions.Hosting" />
                <PackageReference Include="Polly" />
                <ProjectReference Include="../Billing.Domain/Billing.Domain.csproj" />
              </ItemGroup>
            </Project>
            """);
        ws.WriteFile("src/Billing.Worker/Program.cs", SampleCode.For("worker"));
        ws.WriteFile("src/Billing.Worker/appsettings.json", $$"""
            {
              /* the invoice queue */
              "Queue": {
                "Name": "invoices",
                "Password": "{{QueuePassword}}"
              }
            }
            """);
    }

    private static readonly string[] Projects = { "src/Billing.Domain", "src/Billing.Api", "src/Billing.Worker" };

    [Fact]
    public void Adopt_fix_and_build_clean_with_a_diff_a_reviewer_approves()
    {
        using var ws = Workspace.Create("fix-adoption");
        WriteBillingService(ws);
        ws.Git("add", "-A");
        ws.Git("commit", "-q", "-m", "adopt TwelveFactor.Sdk");
        var home = Directory.CreateDirectory(ws.PathOf("home")).FullName;
        var profile = new Dictionary<string, string?> { ["HOME"] = home, ["APPDATA"] = null };

        var adopted = ws.Build("src/Billing.Api", profile);
        Assert.False(adopted.Succeeded);
        Assert.True(new[] { "TF0201", "TF0202", "TF0303", "TF0401", "TF0702" }.SequenceEqual(adopted.Findings.Select(f => f.Code).Distinct().OrderBy(c => c)), adopted.ToString());

        // The first pass turns lock files on; the second pins what the restore it caused has locked.
        foreach (var pass in new[] { 1, 2 })
        {
            foreach (var project in Projects)
            {
                var fix = ws.Build(project, profile, "-t:TwelveFactorFix");
                Assert.True(fix.Succeeded, $"pass {pass}, {project}: {fix}");
                Assert.DoesNotContain("Xk9mQ2", fix.Output, StringComparison.Ordinal);
                Assert.DoesNotContain(QueuePassword, fix.Output, StringComparison.Ordinal);
            }
        }

        foreach (var project in Projects)
        {
            var build = ws.Build(project, profile, "-p:TwelveFactorPolicy=strict");
            Assert.True(build.Succeeded, $"{project}: {build}");
            Assert.Empty(build.Findings);
        }

        var serilog = Locked(ws, "src/Billing.Api", "Serilog");
        var polly = Locked(ws, "src/Billing.Worker", "Polly");
        var apiSecrets = UserSecretsId(ws, "src/Billing.Api/Billing.Api.csproj");
        var workerSecrets = UserSecretsId(ws, "src/Billing.Worker/Billing.Worker.csproj");

        // Exactly these lines changed in committed files, and nothing else.
        Assert.Equal(
            new[]
            {
                "Directory.Build.props",
                "-    <RestorePackagesWithLockFile>false</RestorePackagesWithLockFile>",
                "+    <RestorePackagesWithLockFile>true</RestorePackagesWithLockFile>",
                "Directory.Packages.props",
                "-    <SerilogVersion>4.*</SerilogVersion>",
                "+    <SerilogVersion>" + serilog + "</SerilogVersion>",
                "-    <PackageVersion Include=\"Polly\" Version=\"8.*\" />",
                "+    <PackageVersion Include=\"Polly\" Version=\"" + polly + "\" />",
                "src/Billing.Api/Billing.Api.csproj",
                "+    <UserSecretsId>" + apiSecrets + "</UserSecretsId>",
                "src/Billing.Api/appsettings.json",
                "-  \"urls\": \"http://0.0.0.0:5000\", // the old VM",
                "-    \"Orders\": \"" + OrdersPassword + "\",",
                "+    \"Orders\": \"\",",
                "src/Billing.Worker/Billing.Worker.csproj",
                "+    <UserSecretsId>" + workerSecrets + "</UserSecretsId>",
                "src/Billing.Worker/appsettings.json",
                "-    \"Password\": \"" + QueuePassword + "\"",
                "+    \"Password\": \"\"",
            },
            ChangedLines(ws));

        // New files: the lock files to commit and the variables each service reads from its environment.
        Assert.Equal(
            new[]
            {
                "src/Billing.Api/.env.example", "src/Billing.Api/packages.lock.json", "src/Billing.Domain/packages.lock.json",
                "src/Billing.Worker/.env.example", "src/Billing.Worker/packages.lock.json",
            },
            ws.Git("ls-files", "--others", "--exclude-standard").Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(f => !f.StartsWith("home/", StringComparison.Ordinal)).OrderBy(f => f, StringComparer.Ordinal));
        Assert.EndsWith("\nConnectionStrings__Orders=\n", ws.ReadFile("src/Billing.Api/.env.example"));
        Assert.EndsWith("\nQueue__Password=\n", ws.ReadFile("src/Billing.Worker/.env.example"));
        Assert.Contains(QueuePassword, File.ReadAllText(Path.Combine(home, ".microsoft", "usersecrets", workerSecrets, "secrets.json")));
    }

    private static string Locked(Workspace ws, string project, string id)
    {
        using var document = System.Text.Json.JsonDocument.Parse(ws.ReadFile(project + "/packages.lock.json"));
        return document.RootElement.GetProperty("dependencies").EnumerateObject().First().Value.GetProperty(id).GetProperty("resolved").GetString()!;
    }

    private static string UserSecretsId(Workspace ws, string projectFile) =>
        Regex.Match(ws.ReadFile(projectFile), "<UserSecretsId>([0-9a-f-]{36})</UserSecretsId>").Groups[1].Value;

    /// <summary>The file names and the removed and added lines of git diff, without context.</summary>
    private static IEnumerable<string> ChangedLines(Workspace ws) =>
        ws.Git("diff", "-U0", "--no-color").Output.Split('\n')
            .Where(line => line.StartsWith("+++ b/", StringComparison.Ordinal) || ((line.StartsWith('+') || line.StartsWith('-')) && !line.StartsWith("--- ", StringComparison.Ordinal) && !line.StartsWith("+++", StringComparison.Ordinal)))
            .Select(line => line.StartsWith("+++ b/", StringComparison.Ordinal) ? line.Substring("+++ b/".Length) : line.TrimEnd('\r'));
}
