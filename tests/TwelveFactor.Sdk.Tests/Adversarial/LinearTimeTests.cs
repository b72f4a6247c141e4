using System.Text;
using TwelveFactor.Sdk.Config;
using TwelveFactor.Sdk.Containers;
using TwelveFactor.Sdk.Knowledge;
using TwelveFactor.Sdk.Policy;
using TwelveFactor.Sdk.Reading;
using Xunit.Abstractions;

namespace TwelveFactor.Sdk.Tests.Adversarial;

/// <summary>
/// Every reader and scanner of user files, on the inputs that made one of them quadratic or worse: doubling the
/// input at most about doubles the time (figures in docs/benchmarks.md, "Hostile input"). Run alone, so that the
/// other tests of the assembly do not take the cores mid-measurement.
/// </summary>
[Collection(nameof(LinearTimeTests))]
public sealed class LinearTimeTests
{
    private readonly ITestOutputHelper _output;

    public LinearTimeTests(ITestOutputHelper output) => _output = output;

    public static TheoryData<string> Cases() => new(Inputs.Keys);

    private static readonly Dictionary<string, (int Start, Func<int, string> Make, Func<string, object> Read)> Inputs = new()
    {
        ["example words under a password key"] = (10_000, n => "{\"Password\":\"" + Repeat("your", n) + "\"}", Secrets("appsettings.json")),
        ["long attribute in app.config"] = (50_000, n => "<add key=\"Db\" value=\"" + new string('a', n) + "\n", Secrets("app.config")),
        ["unclosed attribute names in app.config"] = (50_000, n => "<add " + new string('k', n), Secrets("app.config")),
        ["comment openers in malformed XML"] = (10_000, n => Repeat("<!--", n), ConfigXml.Parse),
        ["element openers in malformed XML"] = (10_000, n => Repeat("<a x='1' ", n), ConfigXml.Parse),
        ["Dockerfile continuation lines"] = (10_000, n => "FROM x\nRUN echo \\\n" + Repeat("a \\\n", n) + "b\n", Dockerfile.Parse),
        ["Dockerfile heredoc"] = (10_000, n => "FROM x\nCOPY <<EOF /x\n" + Repeat("line\n", n) + "EOF\n", Dockerfile.Parse),
        ["glob with fourteen **/"] = (2_000, n => Repeat("d/", n) + "y.json", path => ProjectXml.GlobMatches(Repeat("**/", 14) + "x.json", path)),
        ["JSON values on one long line"] = (20_000, n => "{" + Repeat("\"a\":\"b\",", n) + "\"c\":1}", ConfigJson.Parse),
        ["JSON long key over many values"] = (20_000, n => "{\"" + new string('k', 2_000) + "\":[" + Repeat("1,", n) + "1]}", ConfigJson.Parse),
        ["malformed JSON nested deep"] = (20_000, n => Repeat("{\"a\":", n), ConfigJson.Parse),
        ["secrets in a long .env"] = (5_000, n => Repeat("Password=postgres://u:p@h/x;\n", n), Secrets(".env")),
        ["requests and variables in a .http file"] = (2_000, RequestFile, Secrets("Api.http")),
        ["query lines of one request in a .http file"] = (10_000, n => "GET https://api.contoso.com/x\n" + Repeat("  &a={{host}}\n", n) + "Authorization: Bearer {{t}}\n", Secrets("Api.http")),
        ["URL-like noise in YAML"] = (5_000, n => "a: " + Repeat("postgres://u:p@", n), Secrets("values.yaml")),
    };

    private static Func<string, object> Secrets(string fileName) => text => SecretRule.ForText(fileName, text).ToList();

    [Theory]
    [MemberData(nameof(Cases))]
    public void Doubling_the_input_at_most_about_doubles_the_time(string name)
    {
        var (start, make, read) = Inputs[name];
        var (ratio, size, time) = LinearTime.RatioOfDoubling(make, read, start);
        _output.WriteLine($"{name}: n = {size}, {time.TotalMilliseconds:F1} ms; per doubling (from n to 4n) x{ratio:F2}");
        Assert.True(ratio <= LinearTime.AllowedRatio, $"{name}: doubling n = {size} ({time.TotalMilliseconds:F1} ms) multiplied the time by {ratio:F2} per doubling");
    }

    /// <summary>n password variables and n requests to localhost, each sending one of them.</summary>
    private static string RequestFile(int n)
    {
        var text = new StringBuilder();
        for (var i = 0; i < n; i++)
        {
            text.Append("@Password").Append(i).Append(" = Tr0ub4dor&3xyz\n");
        }

        for (var i = 0; i < n; i++)
        {
            text.Append("###\nPOST https://localhost:5001/login\nAuthorization: Basic admin:{{Password").Append(i).Append("}}\n\n{{Password").Append(i).Append("}}\n");
        }

        return text.ToString();
    }

    private static string Repeat(string unit, int count) => new StringBuilder(unit.Length * count).Insert(0, unit, count).ToString();
}

[CollectionDefinition(nameof(LinearTimeTests), DisableParallelization = true)]
public sealed class LinearTimeCollection
{
}
