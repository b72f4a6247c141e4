namespace TwelveFactor.Sdk.IntegrationTests;

/// <summary>
/// Factors I, IV, V, VII, VIII, X, XI and XII over real builds: each rule at its file, line and column, beside
/// look-alikes that must not be reported.
/// </summary>
public class ProjectRuleTests
{
    private static void AssertAt(BuildDiagnostic finding, string code, string severity, string file, int line, int column)
    {
        Assert.Equal((code, severity, file, line, column), (finding.Code, finding.Severity, finding.FileName, finding.Line, finding.Column));
    }

    /// <summary>Asserts the finding is at the first occurrence of <paramref name="text"/> in the file.</summary>
    private static void AssertAt(BuildDiagnostic finding, string code, string severity, Workspace ws, string path, string text)
    {
        var (line, column) = ws.PositionOf(path, text);
        AssertAt(finding, code, severity, Path.GetFileName(path), line, column);
    }

    [Fact]
    public void TF0401_a_fixed_connection_string_is_reported_and_placeholders_and_development_defaults_are_not()
    {
        using var ws = Workspace.Create("tf0401");
        ws.WriteProject("Svc", "web");
        ws.WriteFile("Svc/appsettings.json", """
            {
              "ConnectionStrings": {
                "Orders": "Host=orders-db.prod.internal;Port=5432;Database=orders;Username=app;Password=${ORDERS_DB_PASSWORD}",
                "Cache": "${REDIS_URL}",
                "Reports": "Server=myServerAddress;Database=myDataBase;User Id=myUsername;"
              }
            }
            """);
        ws.WriteFile("Svc/appsettings.Development.json", """
            { "ConnectionStrings": { "Orders": "Host=localhost;Database=orders", "Cache": "localhost:6379" } }
            """);

        var result = ws.Build("Svc");

        Assert.True(result.Succeeded, result.ToString());
        var finding = Assert.Single(result.Findings);
        AssertAt(finding, "TF0401", "warning", ws, "Svc/appsettings.json", "\"Host=orders-db");
        Assert.StartsWith("The setting 'ConnectionStrings:Orders' points at the fixed address 'orders-db.prod.internal:5432'.", finding.Message);
        Assert.DoesNotContain("ORDERS_DB_PASSWORD", finding.Message);
    }

    [Fact]
    public void TF0701_and_TF0702_in_process_hosting_web_config_and_fixed_listen_addresses()
    {
        using var ws = Workspace.Create("port-binding");
        ws.WriteProject("Svc", "web", properties: "\n    <AspNetCoreHostingModel>InProcess</AspNetCoreHostingModel>");
        ws.WriteFile("Svc/web.config", """
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <system.webServer>
                <handlers>
                  <add name="aspNetCore" path="*" verb="*" modules="AspNetCoreModuleV2" resourceType="Unspecified" />
                </handlers>
                <aspNetCore processPath="dotnet" arguments=".\Svc.dll" hostingModel="inprocess" />
              </system.webServer>
            </configuration>
            """);
        ws.WriteFile("Svc/appsettings.json", """
            {
              "Kestrel": { "Endpoints": { "Http": { "Url": "http://0.0.0.0:5000" } } }
            }
            """);
        ws.WriteFile("Svc/appsettings.Development.json", """{ "urls": "http://localhost:5000;https://localhost:5001" }""");

        var result = ws.Build("Svc");

        Assert.Equal(1, result.ExitCode);
        var findings = result.Findings.OrderBy(f => f.FileName, StringComparer.Ordinal).ToList();
        Assert.Equal(3, findings.Count);
        AssertAt(findings[0], "TF0701", "error", "Svc.csproj", ws.LineOf("Svc/Svc.csproj", "AspNetCoreHostingModel"), 5);
        AssertAt(findings[1], "TF0702", "error", ws, "Svc/appsettings.json", "\"http://0.0.0.0:5000\"");
        AssertAt(findings[2], "TF0701", "error", ws, "Svc/web.config", "<aspNetCore ");
        Assert.StartsWith("web.config makes IIS the server (AspNetCoreModuleV2, inprocess).", findings[2].Message);
    }

    [Fact]
    public void TF1101_file_logging_in_packages_and_config_is_reported_and_console_only_Serilog_is_not()
    {
        using var ws = Workspace.Create("tf1101");
        // Serilog.AspNetCore brings Serilog.Sinks.File transitively: not a finding by itself.
        ws.WriteProject("Console", "web", """
              <ItemGroup>
                <PackageReference Include="Serilog.AspNetCore" Version="10.0.0" />
                <PackageReference Include="Serilog.Sinks.Console" Version="6.1.1" />
              </ItemGroup>
            """);
        ws.WriteFile("Console/appsettings.json", """
            {
              "Serilog": {
                "Using": [ "Serilog.Sinks.Console" ],
                "WriteTo": [ { "Name": "Console", "Args": { "formatter": "Serilog.Formatting.Compact.CompactJsonFormatter, Serilog.Formatting.Compact" } } ]
              }
            }
            """);
        ws.WriteProject("Files", "worker", """
              <ItemGroup>
                <PackageReference Include="Serilog.Sinks.File" Version="7.0.0" />
              </ItemGroup>
            """);
        ws.WriteFile("Files/appsettings.json", """
            {
              "Serilog": { "WriteTo": [ { "Name": "Console" }, { "Name": "File", "Args": { "path": "logs/worker.log" } } ] }
            }
            """);
        ws.WriteFile("Files/nlog.config", """
            <?xml version="1.0" encoding="utf-8"?>
            <nlog xmlns="http://www.nlog-project.org/schemas/NLog.xsd" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
              <targets>
                <!-- <target xsi:type="File" name="old" fileName="old.log" /> -->
                <target xsi:type="Console" name="console" />
                <target xsi:type="File" name="logfile" fileName="worker.log" />
              </targets>
            </nlog>
            """);
        ws.WriteFile("Files/log4net.config", """
            <log4net>
              <appender name="rolling" type="log4net.Appender.RollingFileAppender">
                <file value="worker.log" />
              </appender>
            </log4net>
            """);

        var clean = ws.Build("Console");
        var files = ws.Build("Files");

        Assert.True(clean.Succeeded, clean.ToString());
        Assert.Empty(clean.Findings);
        Assert.Equal(1, files.ExitCode);
        var findings = files.Findings.OrderBy(f => f.FileName, StringComparer.Ordinal).ToList();
        Assert.Equal(4, findings.Count);
        AssertAt(findings[0], "TF1101", "error", "Files.csproj", ws.LineOf("Files/Files.csproj", "Serilog.Sinks.File"), 5);
        AssertAt(findings[1], "TF1101", "error", ws, "Files/appsettings.json", "\"File\"");
        AssertAt(findings[2], "TF1101", "error", ws, "Files/log4net.config", "<appender");
        AssertAt(findings[3], "TF1101", "error", ws, "Files/nlog.config", "<target xsi:type=\"File\" name=\"logfile\"");
    }

    [Fact]
    public void TF1001_a_development_store_beside_the_production_one_is_reported_except_in_test_projects()
    {
        using var ws = Workspace.Create("tf1001");
        const string stores = """
              <ItemGroup>
                <PackageReference Include="Npgsql.EntityFrameworkCore.PostgreSQL" Version="10.0.3" />
                <PackageReference Include="Microsoft.EntityFrameworkCore.InMemory" Version="10.0.15" />
              </ItemGroup>
            """;
        ws.WriteProject("Data", null, stores);
        ws.WriteProject("Data.Tests", null, stores, properties: "\n    <IsTestProject>true</IsTestProject>");

        var data = ws.Build("Data");
        var tests = ws.Build("Data.Tests");

        var finding = Assert.Single(data.Findings);
        AssertAt(finding, "TF1001", "warning", "Data.csproj", ws.LineOf("Data/Data.csproj", "InMemory"), 5);
        Assert.StartsWith("The development store 'Microsoft.EntityFrameworkCore.InMemory' is referenced beside the production provider 'Npgsql.EntityFrameworkCore.PostgreSQL'.", finding.Message);
        Assert.True(tests.Succeeded, tests.ToString());
        Assert.Empty(tests.Findings);
    }

    [Fact]
    public void TF0502_TF0801_and_TF1201_run_time_compilation_process_model_and_admin_tasks()
    {
        using var ws = Workspace.Create("process-model");
        ws.WriteProject("Web", "web", """
              <ItemGroup>
                <PackageReference Include="Microsoft.AspNetCore.Mvc.Razor.RuntimeCompilation" Version="10.0.15" />
              </ItemGroup>
            """);
        ws.WriteProject("Worker", "worker", """
              <ItemGroup>
                <PackageReference Include="Microsoft.Extensions.Hosting.WindowsServices" Version="10.0.0" />
              </ItemGroup>
            """);
        ws.WriteFile("Worker/appsettings.json", """{ "Database": { "MigrateOnStartup": true } }""");
        // An admin process may migrate on start and compile what an operator types into its console: that is its job.
        ws.WriteProject("Admin", "admin", """
              <ItemGroup>
                <None Update="appsettings.json" CopyToOutputDirectory="PreserveNewest" />
                <PackageReference Include="Microsoft.CodeAnalysis.CSharp.Scripting" Version="5.0.0" />
              </ItemGroup>
            """);
        ws.WriteFile("Admin/appsettings.json", """{ "Database": { "MigrateOnStartup": true } }""");
        ws.WriteProject("Tool", null, properties: "\n    <OutputType>Exe</OutputType>");
        ws.WriteFile("Tool/Program.cs", "System.Console.WriteLine(\"hi\");");

        var web = ws.Build("Web");
        var worker = ws.Build("Worker");
        var admin = ws.Build("Admin");
        var tool = ws.Build("Tool");

        AssertAt(Assert.Single(web.Findings), "TF0502", "error", "Web.csproj", ws.LineOf("Web/Web.csproj", "RuntimeCompilation"), 5);
        Assert.Equal(1, web.ExitCode);
        var workerFindings = worker.Findings.OrderBy(f => f.Code, StringComparer.Ordinal).ToList();
        Assert.Equal(2, workerFindings.Count);
        AssertAt(workerFindings[0], "TF0801", "warning", "Worker.csproj", ws.LineOf("Worker/Worker.csproj", "WindowsServices"), 5);
        AssertAt(workerFindings[1], "TF1201", "warning", ws, "Worker/appsettings.json", "true");
        Assert.StartsWith("The setting 'Database:MigrateOnStartup' runs an admin task when the worker process starts.", workerFindings[1].Message);
        Assert.True(admin.Succeeded, admin.ToString());
        Assert.Empty(admin.Findings);
        var unknown = Assert.Single(tool.Findings);
        AssertAt(unknown, "TF0801", "warning", "Tool.csproj", ws.LineOf("Tool/Tool.csproj", "<OutputType>"), 5);
        Assert.StartsWith("The executable project 'Tool' has no process type", unknown.Message);
    }

    [Fact]
    public void TF0101_a_project_reference_outside_the_repository_is_reported_and_one_inside_is_not()
    {
        using var ws = Workspace.Create("tf0101", gitRepository: false);
        WriteServiceReferencingALibraryAndSharedCommon(ws, "repo");
        ProcessRunner.Run("git", new[] { "init", "-q" }, ws.PathOf("repo"));

        var result = ws.Build("repo/Svc");

        Assert.True(result.Succeeded, result.ToString());
        var finding = Assert.Single(result.Findings);
        AssertAt(finding, "TF0101", "warning", "Svc.csproj", ws.LineOf("repo/Svc/Svc.csproj", "shared/Common"), 5);
        Assert.StartsWith("ProjectReference '../../shared/Common/Common.csproj' points outside the repository root", finding.Message);
    }

    [Fact]
    public void TF0101_the_repository_is_the_nearest_one_even_when_its_git_is_a_file_as_in_a_submodule_or_worktree()
    {
        using var ws = Workspace.Create("tf0101-git-file");
        WriteServiceReferencingALibraryAndSharedCommon(ws, "modules/orders");
        // The inner repository's .git is a file naming its git folder elsewhere, as git writes for submodules and worktrees.
        Directory.CreateDirectory(ws.PathOf("git-dirs"));
        ProcessRunner.Run("git", new[] { "init", "-q", "--separate-git-dir", ws.PathOf("git-dirs/orders") }, ws.PathOf("modules/orders"));
        Assert.True(File.Exists(ws.PathOf("modules/orders/.git")));

        var result = ws.Build("modules/orders/Svc");

        Assert.True(result.Succeeded, result.ToString());
        var finding = Assert.Single(result.Findings);
        AssertAt(finding, "TF0101", "warning", "Svc.csproj", ws.LineOf("modules/orders/Svc/Svc.csproj", "shared/Common"), 5);
        Assert.Contains(ws.PathOf("modules/orders"), finding.Message);
    }

    /// <summary>shared/Common, and in <paramref name="folder"/> a Lib and a Svc that references Lib and shared/Common.</summary>
    private static void WriteServiceReferencingALibraryAndSharedCommon(Workspace ws, string folder)
    {
        var toWorkspace = string.Concat(Enumerable.Repeat("../", folder.Split('/').Length + 1));
        ws.WriteFile("shared/Common/Common.csproj", ProjectWithReferences(ws, ""));
        ws.WriteFile($"{folder}/Lib/Lib.csproj", ProjectWithReferences(ws, ""));
        ws.WriteFile($"{folder}/Svc/Svc.csproj", ProjectWithReferences(ws, $"""

                <ProjectReference Include="../Lib/Lib.csproj" />
                <ProjectReference Include="{toWorkspace}shared/Common/Common.csproj" />
            """));
    }

    private static string ProjectWithReferences(Workspace ws, string references) => $"""
        <Project Sdk="{ws.SdkReference}">
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
          </PropertyGroup>
          <ItemGroup>{references}
          </ItemGroup>
        </Project>
        """;
}
