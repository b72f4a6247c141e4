using TwelveFactor.Sdk.Knowledge;
using TwelveFactor.Sdk.Policy;
using TwelveFactor.Sdk.Reading;

namespace TwelveFactor.Sdk.Tests.Adversarial;

/// <summary>
/// A password written where readers split text (an '@' in a URL, ';' and '=' inside a quoted value, an '&amp;' that
/// breaks XML) must not come out in pieces: no run of four of its characters, and not its length, in any finding
/// of any reader of the file, whatever the rule.
/// </summary>
public sealed class SecretLeakTests : IDisposable
{
    private const string Secret = "Zq7@Xw9;Lm=2&Kp";

    private readonly string _directory = Directory.CreateTempSubdirectory("tf-leak-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    public static TheoryData<string, string> Carriers() => new()
    {
        { "appsettings.json", "{ \"ConnectionStrings\": { \"Db\": \"postgres://app:" + Secret.Replace(";", "").Replace("=", "") + "@db:5432/x\" } }" },
        { "appsettings.json", "{ \"ConnectionStrings\": { \"Db\": \"Host=db;Password='" + Secret + "';Database=x\" } }" },
        { "appsettings.json", "{ \"ConnectionStrings\": { \"Db\": \"Host=db;Password=\\\"" + Secret + "\\\";Database=x\" } }" },
        { "appsettings.json", "{ \"Db\": { \"Password\": \"" + Secret + "\" }, \"Broken\": " },
        { "web.config", "<configuration><connectionStrings><add name=\"Db\" connectionString=\"Server=db;Password=" + Secret + "\" /></connectionStrings></configuration>" },
        { "app.config", "<configuration><appSettings><add key=\"DbPassword\" value=\"" + Secret + "\" /></appSettings></configuration>" },
        { ".env", "DATABASE_URL=postgres://app:" + Secret.Replace(";", "") + "@db/x\n" },
        { "Dockerfile", "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nENV DB_PASSWORD=" + Secret.Replace(";", "").Replace("&", "") + "\nUSER app\n" },
    };

    [Theory]
    [MemberData(nameof(Carriers))]
    public void No_fragment_or_length_of_a_password_comes_out_of_any_reader(string fileName, string content)
    {
        var path = Path.Combine(_directory, fileName);
        File.WriteAllText(path, content);
        var written = SecretIn(content);

        var findings = FileReaders.All().Where(r => r.FileName == fileName).SelectMany(r => r.Check(path)).ToList();

        Assert.NotEmpty(findings);
        foreach (var finding in findings)
        {
            var visible = string.Join("\n", finding.Arguments) + "\n" + finding.FingerprintKey;
            for (var i = 0; i + 4 <= written.Length; i++)
            {
                Assert.DoesNotContain(written.Substring(i, 4), visible, StringComparison.Ordinal);
            }

            Assert.DoesNotContain(written.Length + " characters", visible, StringComparison.Ordinal);
        }
    }

    /// <summary>The password as this carrier writes it (some carriers cannot hold every character).</summary>
    private static string SecretIn(string content)
    {
        foreach (var candidate in new[] { Secret, Secret.Replace(";", "").Replace("=", ""), Secret.Replace(";", ""), Secret.Replace(";", "").Replace("&", "") })
        {
            if (content.Contains(candidate, StringComparison.Ordinal))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("the carrier holds no form of the password");
    }
}
