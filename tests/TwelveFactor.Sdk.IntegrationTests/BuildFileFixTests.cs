using System.Text.Json;

namespace TwelveFactor.Sdk.IntegrationTests;

/// <summary>
/// dotnet build -t:TwelveFactorFix on a real project with the packed SDK: the dry run prints the diff and changes
/// nothing; the fix changes only the findings' values (CRLF, tabs, comments and attribute order survive), lists
/// what needs a person, removes the baseline entries of what it fixed, and the next build has no finding of the
/// fixed kinds.
/// </summary>
public class BuildFileFixTests
{
    private static string Project(string sdk) =>
        $"<Project Sdk=\"{sdk}\">\r\n" +
        "\t<!-- A service that predates the SDK. -->\r\n" +
        "\t<PropertyGroup>\r\n" +
        "\t\t<TargetFramework>net10.0</TargetFramework>\r\n" +
        "\t\t<TwelveFactorProcessType>admin</TwelveFactorProcessType>\r\n" +
        "\t\t<RestorePackagesWithLockFile>false</RestorePackagesWithLockFile> <!-- slow CI, 2019 -->\r\n" +
        "\t</PropertyGroup>\r\n" +
        "\t<ItemGroup>\r\n" +
        "\t\t<PackageReference PrivateAssets='none' Version='4.*' Include=\"Serilog\" />\r\n" +
        "\t</ItemGroup>\r\n" +
        "</Project>\r\n";

    [Fact]
    public void Lock_files_come_back_floating_versions_are_pinned_and_the_next_build_is_clean()
    {
        using var ws = Workspace.Create("fix-build-files");
        var original = Project(ws.SdkReference);
        Directory.CreateDirectory(ws.PathOf("Svc"));
        File.WriteAllText(ws.PathOf("Svc/Svc.csproj"), original);
        ws.WriteFile("Svc/Program.cs", "System.Console.WriteLine(\"migrated\");\n");
        var baselining = ws.Build("Svc", "-t:TwelveFactorBaseline");
        Assert.True(baselining.Succeeded, baselining.ToString());
        Assert.Contains("\"ruleId\": \"TF0201\"", ws.ReadFile("Svc/TwelveFactor.baseline.json"));

        var dryRun = ws.Build("Svc", "-t:TwelveFactorFix", "-p:TwelveFactorFixDryRun=true");
        Assert.True(dryRun.Succeeded, dryRun.ToString());
        Assert.Contains("-\t\t<RestorePackagesWithLockFile>false</RestorePackagesWithLockFile> <!-- slow CI, 2019 -->", dryRun.Output);
        Assert.Contains("+\t\t<RestorePackagesWithLockFile>true</RestorePackagesWithLockFile> <!-- slow CI, 2019 -->", dryRun.Output);
        Assert.Equal(original, File.ReadAllText(ws.PathOf("Svc/Svc.csproj")));

        // First pass: lock files back on; the version cannot be pinned before a restore has written the lock file.
        var first = ws.Build("Svc", "-t:TwelveFactorFix");
        Assert.True(first.Succeeded, first.ToString());
        Assert.Equal(original.Replace(">false<", ">true<"), File.ReadAllText(ws.PathOf("Svc/Svc.csproj")));
        Assert.Contains("TF0201 changed: RestorePackagesWithLockFile set to true", first.Output);
        Assert.Contains("TF0202 needs a person (packages.lock.json has no resolved version of Serilog yet: restore, then run the fix again)", first.Output);

        // Second pass: restore wrote the lock file; the version is pinned to what it resolved.
        var second = ws.Build("Svc", "-t:TwelveFactorFix");
        Assert.True(second.Succeeded, second.ToString());
        var resolved = ResolvedVersion(ws.ReadFile("Svc/packages.lock.json"), "Serilog");
        Assert.StartsWith("4.", resolved);
        Assert.Equal(original.Replace(">false<", ">true<").Replace("Version='4.*'", $"Version='{resolved}'"), File.ReadAllText(ws.PathOf("Svc/Svc.csproj")));
        Assert.Contains($"Serilog pinned from '4.*' to {resolved}", second.Output);
        Assert.DoesNotContain("TF0202", ws.ReadFile("Svc/TwelveFactor.baseline.json"));
        Assert.DoesNotContain("TF0201", ws.ReadFile("Svc/TwelveFactor.baseline.json"));

        var build = ws.Build("Svc", "-p:TwelveFactorPolicy=strict");
        Assert.True(build.Succeeded, build.ToString());
        Assert.Empty(build.Findings);
    }

    private const string DatabaseSecret = "Host=db.prod.example.com;Username=orders;Password=Xk9mQ2vL7pR4wZt8";

    /// <summary>appsettings.json as people write it: CRLF, a comment, a trailing comma, four-space indentation.</summary>
    private const string SettingsWithSecret =
        "{\r\n" +
        "    // the orders database\r\n" +
        "    \"ConnectionStrings\": {\r\n" +
        "        \"Orders\": \"" + DatabaseSecret + "\", /* rotated yearly */\r\n" +
        "    },\r\n" +
        "    \"Logging\": { \"LogLevel\": { \"Default\": \"Information\" } },\r\n" +
        "}\r\n";

    [Fact]
    public void A_secret_leaves_appsettings_for_the_environment_and_the_user_secrets_and_is_never_shown()
    {
        using var ws = Workspace.Create("fix-secret");
        ws.WriteProject("Svc", "web");
        var project = ws.ReadFile("Svc/Svc.csproj");
        File.WriteAllText(ws.PathOf("Svc/appsettings.json"), SettingsWithSecret);
        var home = Directory.CreateDirectory(ws.PathOf("home")).FullName;
        var profile = new Dictionary<string, string?> { ["HOME"] = home, ["APPDATA"] = null };

        var before = ws.Build("Svc", profile);
        Assert.False(before.Succeeded);
        Assert.Equal(4, Assert.Single(before.Findings, f => f.Code == "TF0303").Line);

        var dryRun = ws.Build("Svc", profile, "-t:TwelveFactorFix", "-p:TwelveFactorFixDryRun=true");
        Assert.True(dryRun.Succeeded, dryRun.ToString());
        Assert.Contains("-        \"Orders\": \"***\", /* rotated yearly */", dryRun.Output);
        Assert.Contains("+ConnectionStrings__Orders=", dryRun.Output);
        Assert.Equal(SettingsWithSecret, File.ReadAllText(ws.PathOf("Svc/appsettings.json")));
        Assert.False(Directory.Exists(Path.Combine(home, ".microsoft")), "a dry run writes no user secrets");

        var fix = ws.Build("Svc", profile, "-t:TwelveFactorFix");
        Assert.True(fix.Succeeded, fix.ToString());
        Assert.Contains("Rotate the credential", fix.Output);
        foreach (var output in new[] { dryRun.Output, fix.Output })
        {
            Assert.DoesNotContain("Xk9mQ2", output, StringComparison.Ordinal);
        }

        // The value goes and nothing else in the file moves; the variable is declared without a value.
        Assert.Equal(SettingsWithSecret.Replace(DatabaseSecret, ""), File.ReadAllText(ws.PathOf("Svc/appsettings.json")));
        Assert.EndsWith("\nConnectionStrings__Orders=\n", ws.ReadFile("Svc/.env.example"));
        var id = System.Text.RegularExpressions.Regex.Match(ws.ReadFile("Svc/Svc.csproj"), "<UserSecretsId>([0-9a-f-]{36})</UserSecretsId>").Groups[1].Value;
        Assert.Equal(project.Replace("  </PropertyGroup>", $"    <UserSecretsId>{id}</UserSecretsId>\n  </PropertyGroup>"), ws.ReadFile("Svc/Svc.csproj"));

        // dotnet user-secrets finds the value where .NET configuration reads it in Development.
        var listed = ws.Dotnet("Svc", profile, "user-secrets", "list");
        Assert.True(listed.Succeeded, listed.ToString());
        Assert.Contains("ConnectionStrings:Orders = " + DatabaseSecret, listed.Output);

        var after = ws.Build("Svc", profile, "-p:TwelveFactorPolicy=strict");
        Assert.True(after.Succeeded, after.ToString());
        Assert.Empty(after.Findings);
    }

    [Fact]
    public void In_process_hosting_and_a_fixed_listen_address_go_and_the_next_build_is_clean()
    {
        using var ws = Workspace.Create("fix-hosting");
        ws.WriteProject("Web", "web", properties: "\n    <AspNetCoreHostingModel>InProcess</AspNetCoreHostingModel> <!-- IIS -->");
        var project = ws.ReadFile("Web/Web.csproj");
        const string settings =
            "{\n" +
            "\t\"urls\": \"http://0.0.0.0:5000\", // the old VM\n" +
            "\t\"AllowedHosts\": \"*\",\n" +
            "}\n";
        ws.WriteFile("Web/appsettings.json", settings);

        var before = ws.Build("Web");
        Assert.Equal(new[] { ("TF0701", 7), ("TF0702", 2) }, before.Findings.Select(f => (f.Code, f.Line)).Distinct().OrderBy(f => f.Code));

        var fix = ws.Build("Web", "-t:TwelveFactorFix");
        Assert.True(fix.Succeeded, fix.ToString());
        Assert.Equal(project.Replace(">InProcess<", ">OutOfProcess<"), ws.ReadFile("Web/Web.csproj"));
        Assert.Equal("{\n\t\"AllowedHosts\": \"*\",\n}\n", ws.ReadFile("Web/appsettings.json"));

        var after = ws.Build("Web", "-p:TwelveFactorPolicy=strict");
        Assert.True(after.Succeeded, after.ToString());
        Assert.Empty(after.Findings);
    }

    [Fact]
    public void Environment_config_and_a_key_file_stay_out_of_the_outputs_and_in_the_repository()
    {
        using var ws = Workspace.Create("fix-outputs");
        ws.WriteProject("Web", "web", body: "  <ItemGroup>\n    <None Include=\"signing.pfx\" CopyToOutputDirectory=\"PreserveNewest\" />\n  </ItemGroup>");
        var project = ws.ReadFile("Web/Web.csproj");
        ws.WriteFile("Web/appsettings.json", "{ \"AllowedHosts\": \"*\" }\n");
        ws.WriteFile("Web/appsettings.Production.json", "{ \"Logging\": { \"LogLevel\": { \"Default\": \"Warning\" } } }\n");
        File.WriteAllBytes(ws.PathOf("Web/signing.pfx"), new byte[] { 0x30, 0x82, 0x01, 0x0a });

        var before = ws.Build("Web");
        Assert.Equal(new[] { "TF0302", "TF0304" }, before.Findings.Select(f => f.Code).Distinct().OrderBy(c => c));

        var fix = ws.Build("Web", "-t:TwelveFactorFix");
        Assert.True(fix.Succeeded, fix.ToString());
        Assert.Equal(
            project.Replace("</Project>",
                "  <ItemGroup>\n" +
                "    <Content Update=\"appsettings.Production.json\" CopyToOutputDirectory=\"Never\" CopyToPublishDirectory=\"Never\" />\n" +
                "    <None Update=\"signing.pfx\" CopyToOutputDirectory=\"Never\" CopyToPublishDirectory=\"Never\" />\n" +
                "  </ItemGroup>\n" +
                "</Project>"),
            ws.ReadFile("Web/Web.csproj"));

        var after = ws.Build("Web", "-p:TwelveFactorPolicy=strict");
        Assert.True(after.Succeeded, after.ToString());
        Assert.Empty(after.Findings);
        var publish = ws.Dotnet("Web", "publish", "-nologo", "-tl:off", "-o", "out");
        Assert.True(publish.Succeeded, publish.ToString());
        Assert.True(ws.Exists("Web/out/appsettings.json"));
        Assert.False(ws.Exists("Web/out/appsettings.Production.json"));
        Assert.False(ws.Exists("Web/out/signing.pfx"));
        Assert.True(ws.Exists("Web/signing.pfx") && ws.Exists("Web/appsettings.Production.json"), "the files stay in the repository");
    }

    private static string ResolvedVersion(string lockFile, string id)
    {
        using var document = JsonDocument.Parse(lockFile);
        return document.RootElement.GetProperty("dependencies").EnumerateObject().First().Value.GetProperty(id).GetProperty("resolved").GetString()!;
    }
}
