using TwelveFactor.Sdk.Knowledge;

using static TwelveFactor.Sdk.Tests.Config.SecretSamples;

namespace TwelveFactor.Sdk.Tests.Config;

public class SecretScannerTests
{
    public static TheoryData<string, string, string, string> Secrets => new()
    {
        // file, text, kind, the secret as written (its position is where the finding must point)
        { "appsettings.json", "{\n  \"ConnectionStrings\": {\n    \"Db\": \"Server=db;User Id=app;Password=" + Password + ";\"\n  }\n}", "connection-string password", Password },
        { "appsettings.json", "{ \"Cache\": \"redis://default:" + Password + "@cache:6379\" }", "password in a URL", Password },
        { "appsettings.json", "{ \"Db\": \"postgres://app:" + Password + "@db:5432/app\" }", "password in a URL", Password },
        { "appsettings.json", "{ \"GitHub\": { \"Token\": \"" + GitHubToken + "\" } }", "GitHub token", GitHubToken },
        { "appsettings.json", "{ \"Aws\": { \"AccessKeyId\": \"" + AwsAccessKeyId + "\" } }", "AWS access key id", AwsAccessKeyId },
        { ".env", "AWS_SECRET_ACCESS_KEY=" + AwsSecretAccessKey + "\n", "AWS secret access key", AwsSecretAccessKey },
        { "appsettings.json", "{ \"Storage\": \"DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=" + AzureAccountKey + ";EndpointSuffix=core.windows.net\" }", "Azure storage account key", AzureAccountKey },
        { "settings.yaml", "google:\n  maps:\n    apiKey: " + GoogleApiKey + "\n", "Google API key", GoogleApiKey },
        { "appsettings.json", "{ \"Slack\": \"" + SlackToken + "\" }", "Slack token", SlackToken },
        { "app.properties", "stripe.key=" + StripeKey + "\n", "Stripe secret key", StripeKey },
        { "appsettings.json", "{ \"Mail\": { \"Key\": \"" + SendGridKey + "\" } }", "SendGrid API key", SendGridKey },
        { ".npmrc.env", "NPM_TOKEN=" + NpmToken, "npm token", NpmToken },
        { "appsettings.json", "{ \"Auth\": { \"Bearer\": \"" + Jwt + "\" } }", "JSON web token", Jwt },
        { "appsettings.json", "{\n  \"Jwt\": {\n    \"Issuer\": \"me\",\n    \"Key\": \"" + JwtSigningKey + "\"\n  }\n}", "JWT signing key", JwtSigningKey },
        { "appsettings.json", "{ \"AzureAd\": { \"ClientSecret\": \"" + ClientSecret + "\" } }", "secret under the key 'ClientSecret'", ClientSecret },
        { "web.config", "<configuration>\n  <appSettings>\n    <add key=\"SmtpPassword\" value=\"" + Password + "\" />\n  </appSettings>\n</configuration>", "password", Password },
        { "web.config", "<connectionStrings>\n  <add name=\"Db\" connectionString=\"Data Source=.;Initial Catalog=app;User ID=sa;Pwd=" + Password + "\" />\n</connectionStrings>", "connection-string password", Password },
        { "nlog.config", "<nlog>\n  <targets>\n    <target name=\"db\" password=\"" + Password + "\" />\n  </targets>\n</nlog>", "password", Password },
        { "config.toml", "[database]\npassword = \"" + Password + "\"\n", "password", Password },
        { "config.ini", "[db]\n; comment\npwd=" + Password + "\n", "password", Password },
        { "docker-compose.yml", "services:\n  db:\n    environment:\n      POSTGRES_PASSWORD: " + Password + "\n", "password", Password },

        // As drivers read them: a URL's password runs to the last '@', a quoted value to its closing quote.
        { "appsettings.json", "{ \"Db\": \"postgres://app:p@ss-Zq7x!@db:5432/app\" }", "password in a URL", "p@ss-Zq7x!" },
        { "web.config", "<add name=\"Db\" connectionString=\"Server=db;Password='a;Server=Zq7x'\" />", "connection-string password", "a;Server=Zq7x" },

        // A placeholder is a whole value of a placeholder's shape, not any value containing an example word.
        { "appsettings.json", "{ \"Db\": { \"Password\": \"MySampleApp!2024\" } }", "password", "MySampleApp!2024" },
    };

    [Theory]
    [MemberData(nameof(Secrets))]
    public void Finds_each_kind_of_secret_at_its_line_and_column(string file, string text, string kind, string secret)
    {
        var scan = SecretScanner.Scan("/src/" + file, text);

        Assert.Null(scan.Problem);
        var match = Assert.Single(scan.Matches);
        Assert.Equal(kind, match.Kind);
        var (line, column) = PositionOf(text, secret);
        Assert.Equal((line, column), (match.Line, match.Column));
        AssertRedacted(match, secret);
    }

    [Fact]
    public void Finds_private_keys_in_pem_blocks_and_in_service_account_json()
    {
        var yaml = "tls:\n  key: |\n    " + PrivateKeyPem.Replace("\n", "\n    ");
        var match = Assert.Single(SecretScanner.Scan("/src/values.yaml", yaml).Matches);
        Assert.Equal(("private key", 3, 5), (match.Kind, match.Line, match.Column));

        var serviceAccount = "{\n  \"type\": \"service_account\",\n  \"private_key_id\": \"0123456789abcdef0123456789abcdef01234567\",\n  \"private_key\": \"" +
                             PrivateKeyPem.Replace("\n", "\\n") + "\"\n}";
        var gcp = Assert.Single(SecretScanner.Scan("/src/gcp.json", serviceAccount).Matches);
        Assert.Equal(("GCP service account private key", 4, 19), (gcp.Kind, gcp.Line, gcp.Column));
        AssertRedacted(gcp, KeyMaterial);
    }

    public static TheoryData<string, string> NotSecrets => new()
    {
        { "appsettings.json", "{ \"Db\": \"Server=db;User Id=app;Password=${DB_PASSWORD};\" }" },
        { "appsettings.json", "{ \"Db\": \"Server=db;User Id=app;Password=%DB_PASSWORD%;\" }" },
        { "appsettings.json", "{ \"Db\": \"Server=db;User Id=app;Password=;\" }" },
        { "appsettings.json", "{ \"Db\": \"Server=db;Integrated Security=true;Database=app\" }" },
        { "appsettings.json", "{ \"Db\": \"postgres://app:${DB_PASSWORD}@db:5432/app\" }" },
        { "appsettings.json", "{ \"Api\": \"https://user@example.org/path\" }" },
        { "appsettings.json", "{ \"ApiKey\": \"<your-key>\" }" },
        { "appsettings.json", "{ \"ApiKey\": \"your-api-key-here\" }" },
        { "appsettings.json", "{ \"ApiKey\": \"\" }" },
        { "appsettings.json", "{ \"ClientSecret\": \"********\" }" },
        { "appsettings.json", "{ \"ClientSecret\": \"{{client_secret}}\" }" },
        { "appsettings.json", "{ \"ClientSecret\": \"#{ClientSecret}#\" }" },
        { "appsettings.json", "{ \"ClientSecret\": \"__CLIENT_SECRET__\" }" },
        { "appsettings.json", "{ \"ClientSecret\": \"@Microsoft.KeyVault(SecretUri=https://v.vault.azure.net/secrets/s)\" }" },
        { "appsettings.json", "{ \"Password\": \"changeme\" }" },
        { "appsettings.json", "{ \"Password\": \"password\" }" },
        { "appsettings.json", "{ \"Aws\": { \"AccessKeyId\": \"AKIAIOSFODNN7EXAMPLE\" } }" },
        { "appsettings.json", "{ \"ClientId\": \"3f2504e0-4f89-11d3-9a0c-0305e82c3301\" }" },
        { "appsettings.json", "{ \"Build\": { \"CommitSha\": \"9fceb02d0ae598e95dc970b74767f19372d61af8\" } }" },
        { "appsettings.json", "{ \"ContentHash\": \"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\" }" },
        { "appsettings.json", "{ \"ApplicationInsights\": { \"InstrumentationKey\": \"0f8fad5b-d9cb-469f-a165-70867728950e\" } }" },
        { "appsettings.json", "{ \"Identity\": { \"Password\": { \"RequiredLength\": 12 }, \"PasswordLength\": 12, \"TokenLifetime\": \"00:30:00\" } }" },
        { "appsettings.json", "{ \"Jwt\": { \"Issuer\": \"https://issuer.example\", \"Audience\": \"api\", \"Key\": \"${JWT_KEY}\" } }" },
        { "appsettings.json", "{ \"Tls\": { \"KeyFile\": \"/run/secrets/tls.key\", \"PasswordFile\": \"/run/secrets/pw\" } }" },
        { "appsettings.json", "{ \"Auth\": { \"TokenEndpoint\": \"https://login.example/token\", \"SecretName\": \"db-password\" } }" },
        { "appsettings.json", "{ \"Cert\": \"-----BEGIN PUBLIC KEY-----\\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA\\n-----END PUBLIC KEY-----\" }" },
        { "appsettings.json", "{ \"Example\": \"-----BEGIN PRIVATE KEY-----\\n...\\n-----END PRIVATE KEY-----\" }" },
        { "appsettings.json", "{ \"Stripe\": \"sk_test_4eC39HqLyjWDarjtT1zdp7dc\" }" },
        { "appsettings.json", "{ \"Version\": \"1.2.3-beta.4+build.5678\" }" },
        { ".env", "DB_PASSWORD=${DB_PASSWORD}\nAPI_TOKEN=\nSECRET_KEY=<set-me>\n" },
        { ".env.example", "DB_PASSWORD=your-password\n" },
        { "web.config", "<add key=\"ApiKey\" value=\"[ApiKey]\" />" },
        { "web.config", "<add key=\"ApiKey\" value=\"&lt;your-api-key&gt;\" />" },
        { "nlog.config", "<nlog>\n  <variable name=\"ApiKey\" value=\"&lt;your-api-key&gt;\" />\n</nlog>" },
        { "settings.yaml", "db:\n  password: ${DB_PASSWORD}\n  passwordLength: 16\n" },
        { ".github/workflows/deploy.yml", "env:\n  DB_PASSWORD: ${{ secrets.DB_PASSWORD }}\n" },
        { "appsettings.json", "{ \"ApiKey\": \"xxxx-xxxx-xxxx\" }" },
    };

    [Theory]
    [MemberData(nameof(NotSecrets))]
    public void Placeholders_and_look_alikes_are_not_secrets(string file, string text)
    {
        var scan = SecretScanner.Scan("/src/" + file, text);

        Assert.Empty(scan.Matches);
    }

    [Theory]
    [InlineData("appsettings.Development.json", "{ \"ConnectionStrings\": { \"Db\": \"Host=localhost;Database=app;Username=postgres;Password=yourWeak(!)Password\" } }")]
    [InlineData("appsettings.json", "{ \"ConnectionStrings\": { \"Db\": \"Server=127.0.0.1;Port=5432;Username=admin;Password=password;\" } }")]
    [InlineData("appsettings.json", "{ \"ConnectionStrings\": { \"Db\": \"Server=tcp:localhost,1433;User ID=sa;Password=MTsample1;\" } }")]
    [InlineData("appsettings.json", "{ \"Bus\": \"amqp://guest:s3cr3t-Pa55@localhost:5672\" }")]
    [InlineData("appsettings.json", "{ \"Bus\": \"redis://:s3cr3t-Pa55@[::1]:6379\" }")]
    [InlineData("appsettings.json", "{ \"AppConfig\": { \"RabbitMq\": { \"HostAddress\": \"localhost\", \"Username\": \"guest\", \"Password\": \"guest\" } } }")]
    public void A_credential_that_only_opens_a_service_on_the_developers_machine_is_not_a_secret(string file, string text)
    {
        Assert.Empty(SecretScanner.Scan("/src/" + file, text).Matches);
    }

    [Theory]
    [InlineData("appsettings.Development.json", "{ \"ConnectionStrings\": { \"Db\": \"Host=dev-db.internal;Username=postgres;Password=Pass@word1\" } }", "connection-string password")]
    [InlineData("appsettings.Development.json", "{ \"RabbitMq\": { \"Host\": \"rabbit.internal\", \"Password\": \"guest-but-real\" } }", "password")]
    [InlineData("appsettings.json", "{ \"Db\": { \"Host\": \"localhost\" }, \"Smtp\": { \"Host\": \"smtp.internal\", \"Password\": \"Pass@word1\" } }", "password")]
    public void The_same_credential_for_a_host_that_is_not_loopback_is_still_a_secret(string file, string text, string kind)
    {
        Assert.Equal(kind, Assert.Single(SecretScanner.Scan("/src/" + file, text).Matches).Kind);
    }

    [Theory]
    [InlineData("{ \"AzureAd\": { \"ClientSecret\": \"6f1c2a9e-4b7d-4e25-9a51-0c3d8e7f2b14\" } }", "secret under the key 'ClientSecret'")]
    [InlineData("{ \"Maps\": { \"ApiKey\": \"6f1c2a9e-4b7d-4e25-9a51-0c3d8e7f2b14\" } }", "secret under the key 'ApiKey'")]
    [InlineData("{ \"Security\": { \"TextEncryptionKey\": \"E546C8DF278CK5990069B522\" } }", "secret under the key 'TextEncryptionKey'")]
    public void A_guid_or_hash_shaped_value_under_a_secret_named_key_is_a_secret(string text, string kind)
    {
        Assert.Equal(kind, Assert.Single(SecretScanner.Scan("/src/appsettings.json", text).Matches).Kind);
    }

    [Fact]
    public void A_guid_under_an_identifier_key_is_not_a_secret()
    {
        var text = "{ \"AzureAd\": { \"ClientId\": \"6f1c2a9e-4b7d-4e25-9a51-0c3d8e7f2b14\", \"TenantId\": \"6f1c2a9e-4b7d-4e25-9a51-0c3d8e7f2b14\" }, \"ApplicationInsights\": { \"InstrumentationKey\": \"6f1c2a9e-4b7d-4e25-9a51-0c3d8e7f2b14\" } }";

        Assert.Empty(SecretScanner.Scan("/src/appsettings.json", text).Matches);
    }

    [Fact]
    public void A_malformed_json_file_is_named_and_still_scanned_line_by_line()
    {
        var text = "{\n  \"Token\": \"" + GitHubToken + "\"\n  \"Password\": \"" + Password + "\"\n}";

        var scan = SecretScanner.Scan("/src/appsettings.json", text);

        Assert.Equal((3, 3), (scan.Problem!.Line, scan.Problem.Column));
        Assert.Equal(new[] { ("GitHub token", 2, 13), ("password", 3, 16) }, scan.Matches.Select(m => (m.Kind, m.Line, m.Column)));
    }

    [Fact]
    public void The_fingerprint_key_names_kind_and_key_path_and_nothing_derived_from_the_value()
    {
        var a = Assert.Single(SecretScanner.Scan("/src/a.json", "{ \"Db\": { \"Password\": \"" + Password + "\" } }").Matches);
        var moved = Assert.Single(SecretScanner.Scan("/src/a.json", "{\n\n\n \"Db\": {\n \"Password\": \"" + Password + "\" } }").Matches);
        var rotated = Assert.Single(SecretScanner.Scan("/src/a.json", "{ \"Db\": { \"Password\": \"" + Password + "!\" } }").Matches);

        Assert.Equal(a.FingerprintKey, moved.FingerprintKey);
        // A hash of the value would let a committed baseline be checked against a word list offline.
        Assert.Equal(a.FingerprintKey, rotated.FingerprintKey);
        Assert.Equal("password|Db:Password", a.FingerprintKey);
        Assert.Equal("'Db:Password' = ***", a.Description);
    }

    [Fact]
    public void Only_the_public_prefix_of_a_token_is_shown()
    {
        Assert.Equal("ghp_***", Redaction.Preview(GitHubToken, "gh"));
        Assert.Equal("sk_live_***", Redaction.Preview(StripeKey, "sk_live_"));
        Assert.Equal("***", Redaction.Preview(Password, ""));
    }

    internal static void AssertRedacted(SecretMatch match, string secret)
    {
        var visible = match.Description + "\n" + match.FingerprintKey;
        // No run of 4 characters of the secret may be shown beyond the public prefix that names its kind
        // ("sk_live_"), nor its length.
        var prefix = match.Preview.Replace("***", "").Trim();
        var start = secret.StartsWith(prefix, StringComparison.Ordinal) ? prefix.Length : 0;
        var shown = prefix.Length == 0 ? visible : visible.Replace(prefix, "");
        for (var i = start; i + 4 <= secret.Length; i++)
        {
            Assert.DoesNotContain(secret.Substring(i, 4), shown, StringComparison.Ordinal);
        }

        var withoutKeyPath = match.KeyPath.Length == 0 ? visible : visible.Replace(match.KeyPath, "");
        Assert.DoesNotContain(secret.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), withoutKeyPath, StringComparison.Ordinal);
    }

    internal static (int Line, int Column) PositionOf(string text, string secret)
    {
        var offset = text.IndexOf(secret, StringComparison.Ordinal);
        var line = text.Take(offset).Count(c => c == '\n') + 1;
        var lineStart = text.LastIndexOf('\n', Math.Max(0, offset - 1)) + 1;
        return (line, offset - lineStart + 1);
    }
}
