namespace TwelveFactor.Sdk.IntegrationTests;

/// <summary>
/// A realistic existing service switched to the SDK: several projects, central package management, Serilog,
/// EF Core and a Dockerfile. The build reports exactly what the service configures; a baseline accepts it;
/// then one new violation breaks the build on its own.
/// </summary>
public class AdoptionTests
{
    private static void WriteOrdersService(Workspace ws)
    {
        ws.WriteFile("Directory.Packages.props", """
            <Project>
              <PropertyGroup>
                <ManagePackageVersionsCentrally>true</ManagePackageVersionsCentrally>
              </PropertyGroup>
              <ItemGroup>
                <PackageVersion Include="Serilog.AspNetCore" Version="10.0.0" />
                <PackageVersion Include="Serilog.Sinks.File" Version="7.0.0" />
                <PackageVersion Include="Microsoft.EntityFrameworkCore" Version="10.0.15" />
                <PackageVersion Include="Microsoft.EntityFrameworkCore.InMemory" Version="10.0.15" />
                <PackageVersion Include="Npgsql.EntityFrameworkCore.PostgreSQL" Version="10.0.3" />
                <PackageVersion Include="Microsoft.Extensions.Hosting" Version="10.0.0" />
              </ItemGroup>
            </Project>
            """);
        ws.WriteFile("Directory.Build.props", """
            <Project>
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
            </Project>
            """);
        ws.WriteFile("Dockerfile", """
            FROM mcr.microsoft.com/dotnet/aspnet:10.0
            WORKDIR /app
            COPY out/ .
            ENTRYPOINT ["dotnet", "Orders.Api.dll"]
            """);

        ws.WriteFile("src/Orders.Data/Orders.Data.csproj", $"""
            <Project Sdk="{ws.SdkReference}">
              <ItemGroup>
                <PackageReference Include="Microsoft.EntityFrameworkCore" />
                <PackageReference Include="Npgsql.EntityFrameworkCore.PostgreSQL" />
              </ItemGroup>
            </Project>
            """);
        ws.WriteFile("src/Orders.Data/OrdersContext.cs", """
            using Microsoft.EntityFrameworkCore;

            namespace Orders.Data;

            public sealed class OrdersContext(DbContextOptions<OrdersContext> options) : DbContext(options)
            {
                public DbSet<Order> Orders => Set<Order>();
            }

            public sealed record Order(int Id, string Customer);
            """);

        ws.WriteFile("src/Orders.Api/Orders.Api.csproj", $"""
            <Project Sdk="{ws.SdkReference}">
              <PropertyGroup>
                <TwelveFactorProcessType>web</TwelveFactorProcessType>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Serilog.AspNetCore" />
                <PackageReference Include="Serilog.Sinks.File" />
                <PackageReference Include="Microsoft.EntityFrameworkCore.InMemory" />
                <PackageReference Include="Npgsql.EntityFrameworkCore.PostgreSQL" />
              </ItemGroup>
              <ItemGroup>
                <ProjectReference Include="../Orders.Data/Orders.Data.csproj" />
              </ItemGroup>
            </Project>
            """);
        ws.WriteFile("src/Orders.Api/Program.cs", """
            using Microsoft.EntityFrameworkCore;
            using Orders.Data;
            using Serilog;

            var builder = WebApplication.CreateBuilder(args);
            builder.Host.UseSerilog((context, logger) => logger.ReadFrom.Configuration(context.Configuration));
            if (builder.Environment.IsDevelopment())
            {
                builder.Services.AddDbContext<OrdersContext>(o => o.UseInMemoryDatabase("orders"));
            }
            else
            {
                builder.Services.AddDbContext<OrdersContext>(o => o.UseNpgsql(builder.Configuration.GetConnectionString("Orders")));
            }

            var app = builder.Build();
            app.MapGet("/orders", (OrdersContext db) => db.Orders.ToList());
            app.Run();
            """);
        ws.WriteFile("src/Orders.Api/appsettings.json", """
            {
              "ConnectionStrings": {
                "Orders": "Host=orders-db.prod.internal;Database=orders;Username=orders;Password=${ORDERS_DB_PASSWORD}"
              },
              "Serilog": {
                "MinimumLevel": "Information",
                "WriteTo": [
                  { "Name": "Console" },
                  { "Name": "File", "Args": { "path": "/var/log/orders/api.log", "rollingInterval": "Day" } }
                ]
              },
              "AllowedHosts": "*"
            }
            """);
        ws.WriteFile("src/Orders.Api/appsettings.Development.json", """
            {
              "ConnectionStrings": { "Orders": "Host=localhost;Database=orders;Username=postgres" },
              "Kestrel": { "Endpoints": { "Http": { "Url": "http://localhost:5080" } } }
            }
            """);

        ws.WriteFile("src/Orders.Worker/Orders.Worker.csproj", $"""
            <Project Sdk="{ws.SdkReference}">
              <PropertyGroup>
                <TwelveFactorProcessType>worker</TwelveFactorProcessType>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Microsoft.Extensions.Hosting" />
              </ItemGroup>
              <ItemGroup>
                <ProjectReference Include="../Orders.Data/Orders.Data.csproj" />
              </ItemGroup>
            </Project>
            """);
        ws.WriteFile("src/Orders.Worker/Program.cs", SampleCode.For("worker"));
        ws.WriteFile("src/Orders.Worker/appsettings.json", """{ "Logging": { "LogLevel": { "Default": "Information" } } }""");

        // The tests use the in-memory store on purpose, and are not a service.
        ws.WriteFile("tests/Orders.Tests/Orders.Tests.csproj", $"""
            <Project Sdk="{ws.SdkReference}">
              <PropertyGroup>
                <IsTestProject>true</IsTestProject>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Microsoft.EntityFrameworkCore.InMemory" />
                <PackageReference Include="Npgsql.EntityFrameworkCore.PostgreSQL" />
              </ItemGroup>
              <ItemGroup>
                <ProjectReference Include="../../src/Orders.Data/Orders.Data.csproj" />
              </ItemGroup>
            </Project>
            """);
        ws.WriteFile("tests/Orders.Tests/OrdersContextTests.cs", "namespace Orders.Tests;\n\npublic static class OrdersContextTests { }\n");

        ws.Dotnet(".", "new", "sln", "-n", "Orders", "--format", "sln");
        ws.Dotnet(".", "sln", "Orders.sln", "add", "src/Orders.Data/Orders.Data.csproj", "src/Orders.Api/Orders.Api.csproj",
            "src/Orders.Worker/Orders.Worker.csproj", "tests/Orders.Tests/Orders.Tests.csproj");
    }

    private static string Position(Workspace ws, string path, string text)
    {
        var (line, column) = ws.PositionOf(path, text);
        return $"({line},{column})";
    }

    [Fact]
    public void An_existing_service_gets_exactly_its_findings_then_a_baseline_then_only_new_findings_break_the_build()
    {
        using var ws = Workspace.Create("adoption");
        WriteOrdersService(ws);

        var first = ws.Build(".", "Orders.sln", "-m:1");

        Assert.Equal(1, first.ExitCode);
        var found = first.Findings
            .Select(f => $"{f.Code} {f.Severity} {f.FileName}({f.Line},{f.Column})")
            .OrderBy(x => x, StringComparer.Ordinal)
            .ToList();
        Assert.Equal(new[]
        {
            $"TF0401 warning appsettings.json{Position(ws, "src/Orders.Api/appsettings.json", "\"Host=orders-db")}",
            $"TF1001 warning Orders.Api.csproj({ws.LineOf("src/Orders.Api/Orders.Api.csproj", "InMemory")},5)",
            $"TF1101 error Orders.Api.csproj({ws.LineOf("src/Orders.Api/Orders.Api.csproj", "Serilog.Sinks.File")},5)",
            $"TF1101 error appsettings.json{Position(ws, "src/Orders.Api/appsettings.json", "\"File\"")}",
        }, found);

        foreach (var project in new[] { "src/Orders.Api", "src/Orders.Data", "src/Orders.Worker", "tests/Orders.Tests" })
        {
            Assert.True(ws.Build(project, "-t:TwelveFactorBaseline").Succeeded, project);
        }

        Assert.True(ws.Exists("src/Orders.Api/TwelveFactor.baseline.json"));
        var baselined = ws.Build(".", "Orders.sln", "-m:1");
        Assert.True(baselined.Succeeded, baselined.ToString());
        Assert.Empty(baselined.Findings);
        Assert.Equal(4, ws.SarifOf("src/Orders.Api").Results.Count(r => r.BaselineState == "unchanged"));

        // One new violation: the worker now pins its listen address.
        ws.WriteFile("src/Orders.Worker/appsettings.json", """
            {
              "Logging": { "LogLevel": { "Default": "Information" } },
              "urls": "http://0.0.0.0:8081"
            }
            """);
        var broken = ws.Build(".", "Orders.sln", "-m:1");

        Assert.Equal(1, broken.ExitCode);
        var added = Assert.Single(broken.Findings);
        Assert.Equal(("TF0702", "error", "appsettings.json" + Position(ws, "src/Orders.Worker/appsettings.json", "\"http://")),
            (added.Code, added.Severity, added.FileName + $"({added.Line},{added.Column})"));
        Assert.Contains("Orders.Worker", added.File);
    }

    [Fact]
    public void The_assessment_prints_a_scorecard_per_project_of_a_solution_and_writes_it_beside_the_SARIF_log()
    {
        using var ws = Workspace.Create("assess");
        WriteOrdersService(ws);

        var result = ws.Build(".", "Orders.sln", "-m:1", "-t:TwelveFactorAssess");

        Assert.True(result.Succeeded, "an assessment describes, it does not fail the build\n" + result);
        Assert.Contains("TwelveFactor assessment of Orders.Api (policy recommended):", result.Output);
        Assert.Contains("TwelveFactor assessment of Orders.Worker (policy recommended):", result.Output);
        Assert.Matches(@"IV\s+Backing services\s+1 finding \(TF0401\)", result.Output);
        Assert.Matches(@"XI\s+Logs\s+2 findings \(TF1101 x2\)", result.Output);
        Assert.Matches(@"VII\s+Port binding\s+compliant", result.Output);
        Assert.Matches(@"VI\s+Processes\s+compliant", result.Output);

        var markdown = ws.ReadFile("src/Orders.Api/obj/Debug/net10.0/twelvefactor/TwelveFactor.assessment.md");
        Assert.Contains("| XI. Logs | 2 findings (TF1101 x2) | TF1101 |", markdown);
        Assert.Contains("  - Trade-off: ", markdown);
        Assert.Contains("## What to review by hand", markdown);
    }
}
