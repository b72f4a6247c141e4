using System.Text;

namespace TwelveFactor.Sdk.IntegrationTests;

/// <summary>
/// Factor III over real builds and publishes: embedded config (TF0301), environment files in the output
/// (TF0302), secrets in config files (TF0303), key files (TF0304), the publish folder, and redaction.
/// </summary>
public class ConfigTests
{
    // Shaped like real credentials, made up here: none authenticates anywhere.
    private const string Password = "Tr0ub4dor&3xyz";
    private const string UrlPassword = "R3d1sP4ssw0rdZq";
    private const string GitHubToken = "ghp_aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3z5A";
    private const string AwsAccessKeyId = "AKIAZ7Q3K5M2N4P6R8T1";
    private const string AzureAccountKey = "Zm9vYmFyYmF6cXV4cXV1eGNvcmdlZ3JhdWx0Z2FycGx5d2FsZG9mcmVkcGx1Z2h4eXp6eTEyMzQ1Njc4OTA1Mg==";
    private const string JwtSigningKey = "k8Jd93hfLq0ZmX7vB2nC4xR6tY1uI5oP";
    private const string ClientSecret = "Qm9v~Xr8.Lp2_Zs5Tk7Nw4Yc1Hb6Jd3Ge";
    private const string StripeKey = "sk_live_4eC39HqLyjWDarjtT1zdp7dcR8vM2nQ5";
    private const string KeyMaterial = "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKjMzEfYyjiWA4R4";
    private const string PrivateKeyPem = "-----BEGIN PRIVATE KEY-----\n" + KeyMaterial + "\n-----END PRIVATE KEY-----\n";

    private static readonly string[] AllSecrets =
    {
        Password, UrlPassword, GitHubToken, AwsAccessKeyId, AzureAccountKey, JwtSigningKey, ClientSecret, StripeKey, KeyMaterial,
    };

    [Fact]
    public void A_fresh_web_project_builds_and_publishes_clean_without_its_development_settings()
    {
        using var ws = Workspace.Create("config-clean-web");
        ws.WriteProject("Svc", "web");
        ws.WriteFile("Svc/appsettings.json", "{\n  // comments and trailing commas, as .NET configuration allows\n  \"Logging\": { \"LogLevel\": { \"Default\": \"Information\", }, },\n  \"AllowedHosts\": \"*\",\n}\n");
        ws.WriteFile("Svc/appsettings.Development.json", "{ \"Logging\": { \"LogLevel\": { \"Default\": \"Debug\" } } }");

        var result = ws.Dotnet("Svc", "publish", "-nologo", "-tl:off");

        Assert.True(result.Succeeded, result.ToString());
        Assert.Empty(result.Findings);
        Assert.True(ws.Exists("Svc/bin/Release/net10.0/appsettings.Development.json"), "local runs read it from the build output");
        Assert.True(ws.Exists("Svc/bin/Release/net10.0/publish/appsettings.json"));
        Assert.False(ws.Exists("Svc/bin/Release/net10.0/publish/appsettings.Development.json"), "the SDK keeps it out of publish");
    }

    [Theory]
    [InlineData("web")]
    [InlineData("worker")]
    public void The_sdks_own_files_beside_the_project_are_neither_copied_to_the_output_nor_published(string processType)
    {
        using var ws = Workspace.Create("config-own-files-" + processType);
        ws.WriteProject("Svc", processType);
        ws.WriteFile("Svc/appsettings.json", "{ \"Logging\": { \"LogLevel\": { \"Default\": \"Information\" } } }");
        ws.WriteFile("Svc/TwelveFactor.baseline.json", "{ \"version\": 1, \"findings\": [] }");

        var result = ws.Dotnet("Svc", "publish", "-nologo", "-tl:off");

        Assert.True(result.Succeeded, result.ToString());
        Assert.True(ws.Exists("Svc/packages.lock.json"), "restore wrote the lock file");
        Assert.True(ws.Exists("Svc/bin/Release/net10.0/publish/appsettings.json"));
        foreach (var file in new[] { "TwelveFactor.baseline.json", "packages.lock.json" })
        {
            Assert.False(ws.Exists("Svc/bin/Release/net10.0/" + file), file + " in the build output");
            Assert.False(ws.Exists("Svc/bin/Release/net10.0/publish/" + file), file + " in the publish output");
        }
    }

    [Fact]
    public void Every_kind_of_secret_is_reported_at_its_line_and_column_and_written_nowhere()
    {
        using var ws = Workspace.Create("config-secrets");
        ws.WriteProject("Svc", "web");
        ws.WriteFile("Svc/appsettings.json", $$"""
            {
              "ConnectionStrings": {
                "Db": "Server=db;Database=app;User Id=app;Password={{Password}};",
                "Cache": "redis://default:{{UrlPassword}}@cache:6379",
                "Storage": "DefaultEndpointsProtocol=https;AccountName=acct;AccountKey={{AzureAccountKey}};EndpointSuffix=core.windows.net"
              },
              "GitHub": { "Token": "{{GitHubToken}}" },
              "Jwt": { "Issuer": "svc", "Key": "{{JwtSigningKey}}" },
              "AzureAd": { "ClientSecret": "{{ClientSecret}}" },
              "Payments": { "Stripe": "{{StripeKey}}" },
            }
            """);
        ws.WriteFile("Svc/.env", "AWS_ACCESS_KEY_ID=" + AwsAccessKeyId + "\n");
        ws.WriteFile("Svc/gcp.json", "{\n  \"type\": \"service_account\",\n  \"private_key\": \"" + PrivateKeyPem.Replace("\n", "\\n") + "\"\n}\n");

        var result = ws.Build("Svc");

        Assert.Equal(1, result.ExitCode);
        var expected = new[]
        {
            (".env", 1, "AWS access key id", AwsAccessKeyId),
            ("appsettings.json", 3, "connection-string password", Password),
            ("appsettings.json", 4, "password in a URL", UrlPassword),
            ("appsettings.json", 5, "Azure storage account key", AzureAccountKey),
            ("appsettings.json", 7, "GitHub token", GitHubToken),
            ("appsettings.json", 8, "JWT signing key", JwtSigningKey),
            ("appsettings.json", 9, "secret under the key 'ClientSecret'", ClientSecret),
            ("appsettings.json", 10, "Stripe secret key", StripeKey),
            ("gcp.json", 3, "GCP service account private key", "-----BEGIN"),
        };
        var findings = result.WithCode("TF0303").OrderBy(f => f.FileName, StringComparer.Ordinal).ThenBy(f => f.Line).ToList();
        Assert.Equal(expected.Select(e => (e.Item1, e.Item2)), findings.Select(f => (f.FileName, f.Line)));
        foreach (var (finding, (file, line, kind, secret)) in findings.Zip(expected))
        {
            Assert.Equal("error", finding.Severity);
            Assert.Equal(ws.ReadFile("Svc/" + file).Split('\n')[line - 1].IndexOf(secret, StringComparison.Ordinal) + 1, finding.Column);
            Assert.StartsWith($"A secret ({kind}) is written in '{file}'", finding.Message);
        }

        Assert.Contains("'GitHub:Token' = ghp_***", result.Output);
        Assert.DoesNotContain("characters)", result.Output);
        Assert.Equal(9, ws.SarifOf("Svc").Results.Count(r => r.RuleId == "TF0303"));

        // Accepting them in the baseline writes no secret either.
        var baseline = ws.Dotnet("Svc", "build", "-nologo", "-tl:off", "-t:TwelveFactorBaseline");
        Assert.True(baseline.Succeeded, baseline.ToString());
        var rebuilt = ws.Build("Svc");
        Assert.True(rebuilt.Succeeded, rebuilt.ToString());
        AssertSecretsAppearNowhere(ws, "Svc", result.Output + baseline.Output + rebuilt.Output);
    }

    [Fact]
    public void Placeholders_and_look_alikes_build_clean()
    {
        using var ws = Workspace.Create("config-placeholders");
        ws.WriteProject("Svc", "web");
        ws.WriteFile("Svc/appsettings.json", """
            {
              "ConnectionStrings": {
                "Db": "Server=db.example;Database=app;User Id=app;Password=${DB_PASSWORD};",
                "Local": "Server=sql.example;Integrated Security=true",
                "Cache": "redis://default:%REDIS_PASSWORD%@cache.example:6379"
              },
              "ApiKey": "<your-key>",
              "Jwt": { "Key": "", "Issuer": "https://issuer.example", "TokenLifetime": "00:30:00" },
              "AzureAd": { "ClientId": "3f2504e0-4f89-11d3-9a0c-0305e82c3301", "ClientSecret": "__CLIENT_SECRET__" },
              "ApplicationInsights": { "InstrumentationKey": "0f8fad5b-d9cb-469f-a165-70867728950e" },
              "Build": { "CommitSha": "9fceb02d0ae598e95dc970b74767f19372d61af8" },
              "Aws": { "AccessKeyId": "AKIAIOSFODNN7EXAMPLE" },
              "Identity": { "PasswordLength": 12 },
              "Tls": { "KeyFile": "/run/secrets/tls.key" }
            }
            """);
        ws.WriteFile("Svc/.env.example", "DB_PASSWORD=changeme\n");

        var result = ws.Build("Svc", "-p:TwelveFactorPolicy=strict");

        Assert.True(result.Succeeded, result.ToString());
        Assert.Empty(result.Findings);
    }

    [Fact]
    public void Credentials_in_http_client_files_are_secrets_unless_every_request_stays_on_the_developers_machine()
    {
        const string BearerToken = "q7Hx2LmN9pRt4VwZ8bKc3FgJ6sYd1AeU";
        using var ws = Workspace.Create("config-http-files");
        ws.WriteProject("Svc", "web");
        // Sent to localhost only: local defaults.
        ws.WriteFile("Svc/Local.http", "@host = https://localhost:5001\n@Password = " + Password + "\n\nPOST {{host}}/login\nAuthorization: Bearer " + BearerToken +
            "\n\n{ \"password\": \"{{Password}}\" }\n");
        // A reference, a placeholder: nothing to report wherever they go.
        ws.WriteFile("Svc/References.http", "@BearerToken = <your-token>\n\nGET https://api.contoso.com/orders\nAuthorization: Bearer {{BearerToken}}\n\n###\n\nGET https://api.contoso.com/orders\nAuthorization: Bearer {{$dotenv API_TOKEN}}\n");
        // The environments say where {{baseUrl}} goes: prod is a real host.
        ws.WriteFile("Svc/Api.http", "GET {{baseUrl}}/orders\nAuthorization: Basic admin:" + Password + "\n");
        ws.WriteFile("Svc/http-client.env.json", "{\n  \"dev\": { \"baseUrl\": \"http://localhost:5000\" },\n  \"prod\": { \"baseUrl\": \"https://api.contoso.com\" }\n}\n");
        ws.WriteFile("Svc/http-client.private.env.json", "{\n  \"dev\": { \"auth\": \"Bearer " + BearerToken + "\" },\n  \"prod\": { \"auth\": \"Bearer " + BearerToken + "\" }\n}\n");

        var result = ws.Build("Svc");

        Assert.Equal(1, result.ExitCode);
        var findings = result.WithCode("TF0303").OrderBy(f => f.FileName, StringComparer.Ordinal).ToList();
        Assert.Equal(new[] { ("Api.http", 2, 22), ("http-client.private.env.json", 3, 29) }, findings.Select(f => (f.FileName, f.Line, f.Column)));
        Assert.StartsWith("A secret (Basic credentials) is written in 'Api.http'", findings[0].Message);
        Assert.StartsWith("A secret (bearer token) is written in 'http-client.private.env.json'", findings[1].Message);
        Assert.Equal(2, ws.SarifOf("Svc").Results.Count(r => r.RuleId == "TF0303"));
        Assert.DoesNotContain(Password, result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(BearerToken.Substring(0, 6), result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_json_file_is_named_with_its_position_and_still_scanned()
    {
        using var ws = Workspace.Create("config-malformed");
        ws.WriteProject("Svc", "web");
        ws.WriteFile("Svc/appsettings.json", "{\n  \"GitHub\": { \"Token\": \"" + GitHubToken + "\" }\n  \"Other\": 1\n}\n");

        var result = ws.Build("Svc");

        var malformed = Assert.Single(result.WithCode("TF0004"));
        Assert.Equal(("warning", "appsettings.json", 3, 3), (malformed.Severity, malformed.FileName, malformed.Line, malformed.Column));
        Assert.StartsWith("The file is malformed and was checked line by line instead: appsettings.json is not valid JSON at line 3, column 3: ", malformed.Message);
        var secret = Assert.Single(result.WithCode("TF0303"));
        Assert.Equal((2, 25), (secret.Line, secret.Column));
    }

    [Fact]
    public void Embedded_config_environment_files_and_key_files_are_reported_at_their_items()
    {
        using var ws = Workspace.Create("config-items");
        ws.WriteProject("Svc", "web", """
              <ItemGroup>
                <EmbeddedResource Include="Defaults\settings.yaml" LogicalName="Svc.Defaults" />
                <None Update="deploy\staging.env" CopyToOutputDirectory="PreserveNewest" />
                <None Update="certs\tls.pfx" CopyToPublishDirectory="PreserveNewest" />
                <None Update="certs\tls-key.pem" CopyToOutputDirectory="Always" />
              </ItemGroup>
            """);
        ws.WriteFile("Svc/Defaults/settings.yaml", "feature: on\n");
        ws.WriteFile("Svc/deploy/staging.env", "FEATURE=on\n");
        ws.WriteFile("Svc/certs/tls.pfx", "binary");
        ws.WriteFile("Svc/certs/tls-key.pem", PrivateKeyPem);
        ws.WriteFile("Svc/appsettings.Production.json", "{ \"Feature\": \"on\" }");

        var result = ws.Build("Svc");

        Assert.Equal(1, result.ExitCode);
        var found = result.Findings.Where(f => f.Code != "TF0303").Select(f => (f.Code, f.FileName, f.Line)).OrderBy(f => f.Line).ThenBy(f => f.Code).ToList();
        Assert.Equal(new[]
        {
            ("TF0302", "appsettings.Production.json", 0),
            ("TF0301", "Svc.csproj", ws.LineOf("Svc/Svc.csproj", "settings.yaml")),
            ("TF0302", "Svc.csproj", ws.LineOf("Svc/Svc.csproj", "staging.env")),
            ("TF0304", "Svc.csproj", ws.LineOf("Svc/Svc.csproj", "tls.pfx")),
            ("TF0304", "Svc.csproj", ws.LineOf("Svc/Svc.csproj", "tls-key.pem")),
        }, found);
        Assert.Contains("'appsettings.Production.json' is copied to the build and publish output", result.Output);
        Assert.Contains("'tls.pfx' is copied to the publish output", result.Output);
    }

    [Fact]
    public void Development_settings_published_on_request_are_reported()
    {
        using var ws = Workspace.Create("config-development");
        ws.WriteProject("Svc", "web", properties: "\n    <TwelveFactorPublishDevelopmentSettings>true</TwelveFactorPublishDevelopmentSettings>");
        ws.WriteFile("Svc/appsettings.Development.json", "{ }");

        var result = ws.Build("Svc");

        var finding = Assert.Single(result.Findings);
        Assert.Equal(("TF0302", "appsettings.Development.json"), (finding.Code, finding.FileName));
        Assert.StartsWith("'appsettings.Development.json' is copied to the publish output", finding.Message);
    }

    [Fact]
    public void The_publish_folder_is_checked_for_what_actually_ships()
    {
        using var ws = Workspace.Create("config-publish");
        // A file generated during the build and published, and one left in the publish folder beforehand.
        ws.WriteProject("Svc", "web", """
              <Target Name="GenerateSettings" BeforeTargets="ComputeResolvedFilesToPublishList">
                <WriteLinesToFile File="$(IntermediateOutputPath)generated.json" Lines="{ &quot;Service&quot;: { &quot;Token&quot;: &quot;$(PlantedToken)&quot; } }" Overwrite="true" />
                <ItemGroup>
                  <ResolvedFileToPublish Include="$(IntermediateOutputPath)generated.json" RelativePath="generated.json" />
                </ItemGroup>
              </Target>
            """, properties: "\n    <PlantedToken>" + GitHubToken + "</PlantedToken>");
        ws.WriteFile("out/appsettings.Staging.json", "{ }");
        ws.WriteFile("Svc/appsettings.json", "{ \"AllowedHosts\": \"*\" }");

        var result = ws.Dotnet("Svc", "publish", "-nologo", "-tl:off", "-clp:NoSummary", "-o", ws.PathOf("out"));

        Assert.Equal(1, result.ExitCode);
        var findings = result.Findings.OrderBy(f => f.FileName, StringComparer.Ordinal).ToList();
        Assert.Equal(new[] { ("TF0302", "appsettings.Staging.json", 0), ("TF0303", "generated.json", 1) },
            findings.Select(f => (f.Code, f.FileName, f.Line)));
        Assert.All(findings, f => Assert.StartsWith(ws.PathOf("out"), f.File));
        var sarif = Sarif.Load(ws.PathOf("Svc/obj/Release/net10.0/twelvefactor/TwelveFactor.publish.sarif"));
        Assert.Equal(new[] { "TF0302", "TF0303" }, sarif.Results.Select(r => r.RuleId).OrderBy(r => r));
        Assert.DoesNotContain("TF0002", result.Output);
        Assert.DoesNotContain(GitHubToken, result.Output);
    }

    [Fact]
    public void The_config_check_is_incremental_and_a_no_op_build_still_reports()
    {
        using var ws = Workspace.Create("config-incremental");
        ws.WriteProject("Svc", "web");
        ws.WriteFile("Svc/appsettings.json", "{ \"Db\": { \"Password\": \"" + Password + "\" } }");

        var first = ws.Build("Svc");
        var second = ws.Build("Svc", "-v:d");

        Assert.Single(first.WithCode("TF0303"));
        Assert.Single(second.WithCode("TF0303").Distinct());
        Assert.Contains("Skipping target \"TwelveFactorCheckConfig\" because all output files are up-to-date", second.Output);

        ws.WriteFile("Svc/appsettings.json", "{ \"Db\": { \"Password\": \"${DB_PASSWORD}\" } }");
        var fixedBuild = ws.Build("Svc");
        Assert.True(fixedBuild.Succeeded, fixedBuild.ToString());
        Assert.Empty(fixedBuild.Findings);
    }

    /// <summary>
    /// No planted secret in the build's output, nor in any file under the project (obj/, the SARIF log, the
    /// findings files, the baseline) other than the sources and their plain copies in bin/.
    /// </summary>
    [Fact]
    public void With_the_content_hash_a_file_edited_and_given_an_older_timestamp_is_checked_again()
    {
        using var ws = Workspace.Create("config-content-hash");
        ws.WriteProject("Svc", "web", properties: "\n    <TwelveFactorCheckContentHash>true</TwelveFactorCheckContentHash>");
        var settings = ws.WriteFile("Svc/appsettings.json", "{ \"Db\": { \"Password\": \"${DB_PASSWORD}\" } }");
        var written = File.GetLastWriteTimeUtc(settings);

        var clean = ws.Build("Svc");
        var noOp = ws.Build("Svc", "-v:d");

        Assert.True(clean.Succeeded, clean.ToString());
        Assert.Contains("Skipping target \"TwelveFactorCheckConfig\" because all output files are up-to-date", noOp.Output);

        // The same length, the old timestamp: nothing a timestamp or a size would see.
        ws.WriteFile("Svc/appsettings.json", "{ \"Db\": { \"Password\": \"" + Password + "\" } }".PadRight(File.ReadAllText(settings).Length));
        File.SetLastWriteTimeUtc(settings, written);
        var edited = ws.Build("Svc");

        Assert.Equal(1, edited.ExitCode);
        var finding = Assert.Single(edited.WithCode("TF0303"));
        Assert.Equal(("appsettings.json", 1), (finding.FileName, finding.Line));
        Assert.DoesNotContain(Password, ws.ReadFile("Svc/obj/Debug/net10.0/twelvefactor/settings.cache"), StringComparison.Ordinal);
    }

    private static void AssertSecretsAppearNowhere(Workspace ws, string project, string output)
    {
        var sources = new[] { "appsettings.json", ".env", "gcp.json" }.Select(f => File.ReadAllBytes(ws.PathOf(project + "/" + f))).ToList();
        var files = Directory.EnumerateFiles(ws.PathOf(project), "*", SearchOption.AllDirectories)
            .Where(f => !sources.Any(s => s.AsSpan().SequenceEqual(File.ReadAllBytes(f))))
            .ToList();
        Assert.Contains(files, f => f.EndsWith("TwelveFactor.baseline.json", StringComparison.Ordinal));
        Assert.Contains(files, f => f.EndsWith("config.findings.json", StringComparison.Ordinal));
        foreach (var secret in AllSecrets)
        {
            Assert.DoesNotContain(secret, output, StringComparison.Ordinal);
            foreach (var file in files)
            {
                var text = Encoding.UTF8.GetString(File.ReadAllBytes(file));
                Assert.False(text.Contains(secret, StringComparison.Ordinal) || text.Contains(secret.Replace("/", "\\/"), StringComparison.Ordinal) ||
                             text.Contains(secret.Replace("+", "\\u002B"), StringComparison.Ordinal),
                    $"{file} contains a planted secret");
            }
        }
    }
}
