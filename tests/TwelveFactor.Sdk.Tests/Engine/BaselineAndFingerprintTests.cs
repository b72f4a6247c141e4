using TwelveFactor.Sdk.Catalog;
using TwelveFactor.Sdk.Policy;
using TwelveFactor.Sdk.Reading;

namespace TwelveFactor.Sdk.Tests.Engine;

public sealed class BaselineAndFingerprintTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("tf-baseline-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static Finding Floating(string file, int line, string id = "Serilog") =>
        new(RuleIds.FloatingVersion, file, line, 5, new[] { "PackageReference", id, "4.*" }, "PackageReference|" + id + "|4.*");

    [Fact]
    public void A_fingerprint_ignores_the_line_but_not_the_file_rule_or_key()
    {
        var file = Path.Combine(_directory, "Svc.csproj");
        var a = Fingerprint.Assign(new[] { Floating(file, 7) }, _directory).Single().Fingerprint;
        var moved = Fingerprint.Assign(new[] { Floating(file, 40) }, _directory).Single().Fingerprint;
        var otherPackage = Fingerprint.Assign(new[] { Floating(file, 7, "Polly") }, _directory).Single().Fingerprint;
        var otherFile = Fingerprint.Assign(new[] { Floating(Path.Combine(_directory, "Other.csproj"), 7) }, _directory).Single().Fingerprint;
        Assert.Equal(a, moved);
        Assert.NotEqual(a, otherPackage);
        Assert.NotEqual(a, otherFile);
        Assert.Matches("^[0-9a-f]{32}$", a);
    }

    [Fact]
    public void Two_equal_findings_in_one_file_get_two_fingerprints()
    {
        var file = Path.Combine(_directory, "Svc.csproj");
        var prints = Fingerprint.Assign(new[] { Floating(file, 7), Floating(file, 9) }, _directory).Select(f => f.Fingerprint).ToList();
        Assert.Equal(2, prints.Distinct().Count());
    }

    [Fact]
    public void A_baselined_finding_is_unchanged_a_new_one_is_new_and_a_gone_one_is_stale()
    {
        var file = Path.Combine(_directory, "Svc.csproj");
        var old = Fingerprint.Assign(new[] { Floating(file, 7), Floating(file, 8, "Gone") }, _directory);
        var baseline = new Baseline(old.Select(f => new BaselineEntry(f.Finding.RuleId, f.Fingerprint, f.RelativeFile, "")).ToList());

        var report = FindingReport.Create(new[] { Floating(file, 12), Floating(file, 13, "Polly") }, _directory, SeverityPolicy.Default, baseline);

        Assert.Equal(BaselineState.Unchanged, report.Findings.Single(f => f.Finding.Arguments[1] == "Serilog").BaselineState);
        var fresh = report.Findings.Single(f => f.Finding.Arguments[1] == "Polly");
        Assert.Equal(BaselineState.New, fresh.BaselineState);
        Assert.True(fresh.BreaksBuild);
        Assert.Single(report.StaleEntries);
    }

    [Fact]
    public void A_baseline_round_trips_and_is_written_sorted_and_stable()
    {
        var path = Path.Combine(_directory, "TwelveFactor.baseline.json");
        var baseline = new Baseline(new[]
        {
            new BaselineEntry("TF0203", "bb", "b.csproj", "second"),
            new BaselineEntry("TF0202", "aa", "a.csproj", "first"),
        });
        baseline.Save(path);
        var first = File.ReadAllText(path);
        BaselineReader.Load(path).Save(path);
        Assert.Equal(first, File.ReadAllText(path));
        Assert.True(first.IndexOf("a.csproj", StringComparison.Ordinal) < first.IndexOf("b.csproj", StringComparison.Ordinal));
        Assert.Equal(2, BaselineReader.Load(path).Entries.Count);
    }

    [Theory]
    [InlineData("{ \"findings\": [ { \"ruleId\": \"TF0202\" ", "invalid JSON at line 1")]
    [InlineData("[]", "the top level must be an object")]
    [InlineData("{ \"version\": 1 }", "'findings' must be an array")]
    [InlineData("{ \"version\": 9, \"findings\": [] }", "'version' must be 1")]
    [InlineData("{ \"version\": 1.5, \"findings\": [] }", "'version' must be 1")]
    [InlineData("{ \"version\": 99999999999, \"findings\": [] }", "'version' must be 1")]
    [InlineData("{ \"findings\": [ { \"ruleId\": \"TF0202\" } ] }", "entry 1 of 'findings' needs a 'ruleId' and a 'fingerprint'")]
    public void A_malformed_baseline_says_what_is_wrong(string content, string expected)
    {
        var path = Path.Combine(_directory, "TwelveFactor.baseline.json");
        File.WriteAllText(path, content);
        var error = Assert.Throws<BaselineFormatException>(() => BaselineReader.Load(path));
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void A_baseline_may_carry_comments_and_trailing_commas()
    {
        var path = Path.Combine(_directory, "TwelveFactor.baseline.json");
        File.WriteAllText(path, "{ // kept until the migration\n \"findings\": [ { \"ruleId\": \"TF0202\", \"fingerprint\": \"ab\", }, ], }");
        Assert.Single(BaselineReader.Load(path).Entries);
    }

    [Fact]
    public void Findings_files_round_trip_and_a_missing_one_is_empty()
    {
        var path = Path.Combine(_directory, "obj", "x.findings.json");
        var finding = Floating(Path.Combine(_directory, "Svc.csproj"), 3) with { EndLine = 3, EndColumn = 40 };
        FindingsFile.Write(path, new[] { finding });
        var read = Assert.Single(FindingsFile.Read(path));
        Assert.Equal(finding.RuleId, read.RuleId);
        Assert.Equal(finding.Arguments, read.Arguments);
        Assert.Equal(40, read.EndColumn);
        Assert.Empty(FindingsFile.Read(Path.Combine(_directory, "none.json")));
    }

    [Fact]
    public void Writing_the_same_findings_again_leaves_the_file_untouched()
    {
        var path = Path.Combine(_directory, "x.findings.json");
        FindingsFile.Write(path, new[] { Floating("a", 1) });
        var stamp = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(path, stamp);
        FindingsFile.Write(path, new[] { Floating("a", 1) });
        Assert.Equal(stamp, File.GetLastWriteTimeUtc(path));
    }
}
