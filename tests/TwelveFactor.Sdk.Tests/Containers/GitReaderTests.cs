using System.Diagnostics;
using TwelveFactor.Sdk.Reading;

namespace TwelveFactor.Sdk.Tests.Containers;

public sealed class GitReaderTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "tf-git-" + Guid.NewGuid().ToString("N")[..8]);

    public GitReaderTests() => Directory.CreateDirectory(_root);

    [Fact]
    public void Folder_outside_git_has_no_revision()
    {
        var facts = GitReader.Read(_root, Array.Empty<string>());
        Assert.Null(facts.Commit);
        Assert.Contains("not a git checkout", facts.Problem);
    }

    [Fact]
    public void Repository_without_commit_has_no_revision()
    {
        Git("init", "-q");
        Assert.Contains("without any commit", GitReader.Read(_root, Array.Empty<string>()).Problem);
    }

    [Fact]
    public void Missing_git_is_a_problem_not_a_crash()
    {
        var facts = GitReader.Read(_root, Array.Empty<string>(), "/nonexistent/git");
        Assert.Contains("'/nonexistent/git' was not found", facts.Problem);
    }

    [Fact]
    public void Reads_commit_time_remote_and_changes_outside_build_output()
    {
        Git("init", "-q");
        File.WriteAllText(Path.Combine(_root, "a.txt"), "a");
        Git("add", "-A");
        Git("-c", "user.name=t", "-c", "user.email=t@example.invalid", "commit", "-qm", "one", "--date=@1700000000");
        Git("remote", "add", "origin", "git@example.invalid:acme/shop.git");
        var clean = GitReader.Read(_root, Array.Empty<string>());
        Assert.Null(clean.Problem);
        Assert.Equal(40, clean.Commit!.Length);
        Assert.False(clean.IsDirty);
        Assert.Equal("git@example.invalid:acme/shop.git", clean.RemoteUrl);
        Assert.True(clean.CommitUnixSeconds > 0);

        File.WriteAllText(Path.Combine(_root, "a.txt"), "changed");
        Directory.CreateDirectory(Path.Combine(_root, "obj"));
        File.WriteAllText(Path.Combine(_root, "obj", "x.json"), "{}");
        File.WriteAllText(Path.Combine(_root, "new file.cs"), "");
        var dirty = GitReader.Read(_root, new[] { Path.Combine(_root, "obj") });
        Assert.Equal(new[] { "a.txt", "new file.cs" }, dirty.ChangedFiles.OrderBy(f => f));
    }

    private void Git(params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = _root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, "git " + string.Join(' ', arguments) + ": " + process.StandardError.ReadToEnd());
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
