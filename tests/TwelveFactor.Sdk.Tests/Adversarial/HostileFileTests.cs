using System.Diagnostics;
using System.Text.RegularExpressions;
using TwelveFactor.Sdk.Config;
using TwelveFactor.Sdk.Knowledge;
using TwelveFactor.Sdk.Policy;
using TwelveFactor.Sdk.Reading;
using TwelveFactor.Sdk.Catalog;
using TwelveFactor.Sdk.ShippedConfig;
using TwelveFactor.Sdk.Testing;

namespace TwelveFactor.Sdk.Tests.Adversarial;

/// <summary>
/// Each reader of user files against each hostile input: it ends, in bounded time, with coded findings only
/// (never TF0000, never an exception), and a special file cannot make it wait.
/// </summary>
public sealed class HostileFileTests : IDisposable
{
    /// <summary>Far above what a linear reader needs for these inputs, far below what the quadratic ones took.</summary>
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);

    private readonly string _directory = Directory.CreateTempSubdirectory("tf-hostile-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    public static TheoryData<string, string> ReadersAndInputs()
    {
        var data = new TheoryData<string, string>();
        foreach (var reader in FileReaders.All())
        {
            foreach (var input in HostileInputs.All())
            {
                data.Add(reader.Name, input.Name);
            }
        }

        return data;
    }

    public static TheoryData<string> Readers()
    {
        var data = new TheoryData<string>();
        foreach (var reader in FileReaders.All())
        {
            data.Add(reader.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ReadersAndInputs))]
    public void A_hostile_file_ends_in_coded_findings_in_bounded_time(string readerName, string inputName)
    {
        var reader = FileReaders.All().Single(r => r.Name == readerName);
        var path = Path.Combine(_directory, reader.FileName);
        File.WriteAllBytes(path, HostileInputs.All().Single(i => i.Name == inputName).Content);

        var findings = RunWithin(() => reader.Check(path));

        Assert.All(findings, f => Assert.Matches("^TF[0-9]{4}$", f.RuleId));
        Assert.DoesNotContain(findings, f => f.RuleId == RuleIds.InternalError);
    }

    [Theory]
    [MemberData(nameof(Readers))]
    public void A_fifo_under_the_name_of_a_checked_file_does_not_make_the_build_wait(string readerName)
    {
        var reader = FileReaders.All().Single(r => r.Name == readerName);
        var path = Path.Combine(_directory, reader.FileName);
        var mkfifo = ProcessRunner.Run("mkfifo", new[] { path }, _directory);
        Assert.Equal(0, mkfifo.ExitCode);

        var findings = RunWithin(() => reader.Check(path));

        Assert.DoesNotContain(findings, f => f.RuleId == RuleIds.InternalError);
    }

    [Theory]
    [MemberData(nameof(Readers))]
    public void A_file_over_the_size_limit_is_reported_as_not_checked_never_skipped_silently(string readerName)
    {
        var reader = FileReaders.All().Single(r => r.Name == readerName);
        var path = Path.Combine(_directory, reader.FileName);
        File.WriteAllBytes(path, HostileInputs.OverSized());

        var findings = RunWithin(() => reader.Check(path));

        // A key file is judged by its name, or by a private key in a .pem small enough to be one.
        if (readerName == "key file")
        {
            Assert.Empty(findings);
            return;
        }

        var notChecked = Assert.Single(findings, f => f.RuleId is RuleIds.UnreadableFile or RuleIds.MalformedBaseline or RuleIds.LockFile);
        Assert.Contains("not checked", string.Join(" ", notChecked.Arguments));
    }

    [Theory]
    [MemberData(nameof(HostileInputNames))]
    public void One_hostile_file_does_not_switch_off_the_checks_of_the_others(string inputName)
    {
        var hostile = Path.Combine(_directory, "appsettings.json");
        File.WriteAllBytes(hostile, HostileInputs.All().Single(i => i.Name == inputName).Content);
        var healthy = Path.Combine(Directory.CreateDirectory(Path.Combine(_directory, "other")).FullName, "appsettings.json");
        File.WriteAllText(healthy, "{ \"ConnectionStrings\": { \"Db\": \"Host=db.prod.internal;Password=Zq7-Xw9-Lm2-Kp\" } }");

        var shipped = RunWithin(() => ShippedConfigCheck.Check(new[] { hostile, healthy }, "web").ToList());
        var secrets = RunWithin(() => SecretRule.Check(new[] { hostile, healthy }));

        Assert.Contains(shipped, f => f.File == healthy && f.RuleId == RuleIds.HardCodedBackingService);
        Assert.Contains(secrets, f => f.File == healthy && f.RuleId == RuleIds.Secret);
    }

    public static TheoryData<string> HostileInputNames() => new(HostileInputs.All().Select(i => i.Name));

    [Fact]
    public void Every_file_read_goes_through_InputFile()
    {
        // Files the build itself wrote (findings files, the compiler's log, a report compared before it is
        // rewritten) are the only ones read otherwise.
        var trusted = new[] { "InputFile.cs", "FileWriting.cs", "FindingsFile.cs", "CollectCompilerFindings.cs" };
        var direct = new Regex(@"File\.(ReadAll|OpenRead|OpenText|ReadLines)|new FileStream\(|new StreamReader\(", RegexOptions.NonBacktracking);
        var offenders = Directory.EnumerateFiles(Path.Combine(RepositoryLayout.Root, "sdk", "TwelveFactor.Sdk"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !trusted.Contains(Path.GetFileName(f)))
            .Where(f => direct.IsMatch(File.ReadAllText(f)))
            .Select(Path.GetFileName)
            .ToList();
        Assert.Empty(offenders);
    }

    [Fact]
    public void Every_regular_expression_is_non_backtracking_or_bounded_by_a_timeout()
    {
        Assert.Empty(RegexBounds.Unbounded(typeof(InputFile).Assembly));
    }

    private static IReadOnlyList<Finding> RunWithin(Func<IReadOnlyList<Finding>> check)
    {
        var stopwatch = Stopwatch.StartNew();
        var run = Task.Factory.StartNew(check, TaskCreationOptions.LongRunning);
        Assert.True(run.Wait(Limit), $"still running after {Limit.TotalSeconds} s");
        Assert.True(stopwatch.Elapsed < Limit);
        return run.Result;
    }
}
