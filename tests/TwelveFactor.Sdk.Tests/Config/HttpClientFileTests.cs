using TwelveFactor.Sdk.Config;
using TwelveFactor.Sdk.Knowledge;

using static TwelveFactor.Sdk.Tests.Config.SecretSamples;

namespace TwelveFactor.Sdk.Tests.Config;

/// <summary>TF0303 in an IDE's HTTP client files: request files (.http) and their environment files.</summary>
public class HttpClientFileTests
{
    /// <summary>A bearer token as services issue them: random, not a JWT.</summary>
    private const string BearerToken = "q7Hx2LmN9pRt4VwZ8bKc3FgJ6sYd1AeU";

    /// <summary>base64 of "admin:Tr0ub4dor&amp;3xyz".</summary>
    private const string BasicCredentials = "YWRtaW46VHIwdWI0ZG9yJjN4eXo=";

    public static TheoryData<string, string, string> Credentials => new()
    {
        // request file, the credential as written, kind
        { "GET https://api.contoso.com/orders\nAuthorization: Bearer " + BearerToken + "\n", BearerToken, "bearer token" },
        { "@host = https://api.contoso.com\n\nGET {{host}}/orders\nAuthorization: Basic " + BasicCredentials + "\n", BasicCredentials, "Basic credentials" },
        { "GET https://api.contoso.com/orders HTTP/1.1\nAuthorization: Basic admin:" + Password + "\n", "admin:" + Password, "Basic credentials" },
        { "GET https://api.contoso.com/orders\nAuthorization: Basic admin " + Password + "\n", "admin " + Password, "Basic credentials" },
        { "@Password = " + Password + "\n\nPOST https://api.contoso.com/login\n\n{ \"password\": \"{{Password}}\" }\n", Password, "password" },
        { "GET https://api.contoso.com/orders\nAuthorization: Bearer " + Jwt + "\n", Jwt, "JSON web token" },
        { "GET https://api.contoso.com/orders\nX-Api-Key: " + ClientSecret + "\n", ClientSecret, "secret under the key 'X-Api-Key'" },
    };

    [Theory]
    [MemberData(nameof(Credentials))]
    public void A_credential_a_request_file_sends_to_a_real_host_is_a_secret_at_its_line_and_column(string text, string secret, string kind)
    {
        var match = Assert.Single(SecretScanner.Scan("/src/Api.http", text, Array.Empty<string>()).Matches);

        Assert.Equal(kind, match.Kind);
        Assert.Equal(SecretScannerTests.PositionOf(text, secret), (match.Line, match.Column));
        SecretScannerTests.AssertRedacted(match, secret);
    }

    public static TheoryData<string> LookAlikes => new()
    {
        "GET https://api.contoso.com/orders\nAuthorization: Bearer {{token}}\n",
        "GET https://api.contoso.com/orders\nAuthorization: Bearer {{$dotenv API_TOKEN}}\n",
        "GET https://api.contoso.com/orders\nAuthorization: Bearer <your-token>\n",
        "@BearerToken=<YourToken>\n\nGET https://api.contoso.com/orders\nAuthorization: Bearer {{BearerToken}}\n",
        "GET https://api.contoso.com/orders\nAuthorization: Basic {{user}}:{{password}}\n",
        "GET https://api.contoso.com/orders\nAuthorization: Basic {{credentials}}\n",
        "# Authorization: Bearer " + BearerToken + "\nGET https://api.contoso.com/orders\n",
        "GET https://api.contoso.com/orders\nAuthorization: Bearer\n",
    };

    [Theory]
    [MemberData(nameof(LookAlikes))]
    public void A_reference_a_placeholder_or_a_comment_is_not_a_secret(string text)
    {
        Assert.Empty(SecretScanner.Scan("/src/Api.http", text, Array.Empty<string>()).Matches);
    }

    public static TheoryData<string, string[]> LoopbackRequests => new()
    {
        { "GET https://localhost:5001/orders\nAuthorization: Bearer " + BearerToken + "\n", Array.Empty<string>() },
        { "GET http://127.0.0.1:5000/orders\nAuthorization: Basic " + BasicCredentials + "\n", Array.Empty<string>() },
        { "GET http://[::1]:5000/orders\nAuthorization: Bearer " + Jwt + "\n", Array.Empty<string>() },
        // jasontaylordev/CleanArchitecture's Web.http: the password of a local administrator, sent to localhost.
        { "@Web_HostAddress = https://localhost:5001\n@Email=administrator@localhost\n@Password=Administrator1!\n\nPOST {{Web_HostAddress}}/Identity/Account/Login\n\nInput.Email={{Email}}&Input.Password={{Password}}\n", Array.Empty<string>() },
        // The host from the environment file, in every environment it names.
        { "GET {{baseUrl}}/orders\nAuthorization: Bearer " + BearerToken + "\n", new[] { "{ \"dev\": { \"baseUrl\": \"http://localhost:5000\" }, \"docker\": { \"baseUrl\": \"http://127.0.0.1:8080\" } }" } },
        { "@api = {{baseUrl}}/api\n\nGET {{api}}/orders\nAuthorization: Bearer " + BearerToken + "\n", new[] { "{ \"$shared\": { \"baseUrl\": \"https://localhost:7001\" } }" } },
    };

    [Theory]
    [MemberData(nameof(LoopbackRequests))]
    public void A_credential_sent_only_to_the_developers_own_machine_is_a_local_default(string text, string[] environments)
    {
        Assert.Empty(SecretScanner.Scan("/src/Api.http", text, environments).Matches);
    }

    public static TheoryData<string, string[]> RealHostRequests => new()
    {
        // One environment reaches a real host: the token goes there too.
        { "GET {{baseUrl}}/orders\nAuthorization: Bearer " + BearerToken + "\n", new[] { "{ \"dev\": { \"baseUrl\": \"http://localhost:5000\" }, \"prod\": { \"baseUrl\": \"https://api.contoso.com\" } }" } },
        // A host no file names cannot be told to be loopback.
        { "GET {{baseUrl}}/orders\nAuthorization: Bearer " + BearerToken + "\n", Array.Empty<string>() },
        { "GET https://{{$processEnv API_HOST}}/orders\nAuthorization: Bearer " + BearerToken + "\n", Array.Empty<string>() },
        // localhost in the path, not the host.
        { "GET https://api.contoso.com/localhost/orders\nAuthorization: Bearer " + BearerToken + "\n", Array.Empty<string>() },
        // A variable used by a request to localhost and by one to a real host.
        { "@Password = " + Password + "\n\nPOST https://localhost:5001/login\n\n{{Password}}\n\n###\n\nPOST https://api.contoso.com/login\n\n{{Password}}\n", Array.Empty<string>() },
    };

    [Theory]
    [MemberData(nameof(RealHostRequests))]
    public void The_same_credential_for_a_host_that_is_not_loopback_is_still_a_secret(string text, string[] environments)
    {
        Assert.Single(SecretScanner.Scan("/src/Api.http", text, environments).Matches);
    }

    [Fact]
    public void Each_request_is_judged_by_its_own_host()
    {
        var text = "GET https://localhost:5001/orders\nAuthorization: Bearer " + BearerToken + "\n\n###\n\n" +
                   "GET https://api.contoso.com/orders\nAuthorization: Bearer " + BearerToken + "\n";

        var match = Assert.Single(SecretScanner.Scan("/src/Api.http", text, Array.Empty<string>()).Matches);

        Assert.Equal((7, 23), (match.Line, match.Column));
    }

    [Fact]
    public void An_environment_files_credentials_are_judged_by_the_hosts_of_their_environment()
    {
        var environments = "{ \"dev\": { \"baseUrl\": \"http://localhost:5000\" }, \"prod\": { \"baseUrl\": \"https://api.contoso.com\" } }";
        var secrets = "{\n  \"dev\": { \"auth\": \"Bearer " + BearerToken + "\" },\n  \"prod\": { \"auth\": \"Bearer " + BearerToken + "\" }\n}";

        var match = Assert.Single(SecretScanner.Scan("/src/" + HttpClientFiles.PrivateEnvironmentFileName, secrets, new[] { environments }).Matches);

        Assert.Equal(("bearer token", 3, 29), (match.Kind, match.Line, match.Column));
        Assert.Equal("'prod:auth' = ***", match.Description);
    }

    [Fact]
    public void An_environment_file_with_a_basic_credential_for_a_real_host_is_a_secret()
    {
        var text = "{ \"prod\": { \"baseUrl\": \"https://api.contoso.com\", \"authorization\": \"Basic " + BasicCredentials + "\" } }";

        Assert.Equal("Basic credentials", Assert.Single(SecretScanner.Scan("/src/" + HttpClientFiles.EnvironmentFileName, text, Array.Empty<string>()).Matches).Kind);
    }

    [Theory]
    [InlineData("{ \"Auth\": { \"Scheme\": \"Bearer\" } }")]
    [InlineData("{ \"Help\": \"Bearer token is required\" }")]
    [InlineData("{ \"Help\": \"Basic authentication is used\" }")]
    [InlineData("{ \"Help\": \"Basic auth\" }")]
    [InlineData("{ \"Header\": \"Bearer {0}\" }")]
    public void A_setting_that_speaks_of_a_scheme_is_not_a_credential(string text)
    {
        Assert.Empty(SecretScanner.Scan("/src/appsettings.json", text).Matches);
    }

    [Fact]
    public void The_rule_reads_the_environment_files_beside_a_request_file_and_reports_nothing_of_the_value()
    {
        var folder = Directory.CreateTempSubdirectory("tf-http-").FullName;
        try
        {
            var requests = Path.Combine(folder, "Api.http");
            File.WriteAllText(requests, "GET {{baseUrl}}/orders\nAuthorization: Bearer " + BearerToken + "\n");
            File.WriteAllText(Path.Combine(folder, HttpClientFiles.EnvironmentFileName), "{ \"dev\": { \"baseUrl\": \"http://localhost:5000\" } }");
            Assert.Empty(SecretRule.Check(new[] { requests }));

            File.WriteAllText(Path.Combine(folder, HttpClientFiles.EnvironmentFileName), "{ \"dev\": { \"baseUrl\": \"http://localhost:5000\" }, \"prod\": { \"baseUrl\": \"https://api.contoso.com\" } }");
            var finding = Assert.Single(SecretRule.Check(new[] { requests }));

            Assert.Equal(("TF0303", 2, 23), (finding.RuleId, finding.Line, finding.Column));
            Assert.DoesNotContain(BearerToken.Substring(0, 4), string.Join("|", finding.Arguments), StringComparison.Ordinal);
            Assert.DoesNotContain(BearerToken.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), string.Join("|", finding.Arguments), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
