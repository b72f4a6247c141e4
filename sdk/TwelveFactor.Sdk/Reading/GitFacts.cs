using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;

namespace TwelveFactor.Sdk.Reading;

/// <summary>
/// What git says about the tree a release is cut from. <see cref="Problem"/> says why there is no revision
/// (not a checkout, no commit yet, git missing); it is null when <see cref="Commit"/> is known.
/// </summary>
public sealed record GitFacts(
    string? Commit,
    long? CommitUnixSeconds,
    IReadOnlyList<string> ChangedFiles,
    string RemoteUrl,
    string? Problem)
{
    public bool IsDirty => ChangedFiles.Count > 0;

    public static GitFacts Unavailable(string problem) => new(null, null, Array.Empty<string>(), "", problem);
}

/// <summary>Reads <see cref="GitFacts"/> by running git, the tool every checkout has, rather than parsing .git.</summary>
public static class GitReader
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <param name="directory">The project folder.</param>
    /// <param name="ignoredFolders">Build output folders (bin, obj, publish) whose files do not make the tree dirty.</param>
    /// <param name="readRemote">False when the project names its repository itself, so origin's URL is not asked for.</param>
    public static GitFacts Read(string directory, IEnumerable<string> ignoredFolders, string gitExecutable = "git", bool readRemote = true)
    {
        // Git has no single command that tells the commit, its time, the tree's changes and the remote together, so
        // the four questions are asked at once, in one round: the release waits for one git start, not for two.
        // Each answers on its own when the folder is no checkout; the first one's answer says why.
        var head = Task.Run(() => Run(gitExecutable, directory, "rev-parse", "--show-toplevel", "HEAD"));
        var time = Task.Run(() => Run(gitExecutable, directory, "show", "-s", "--format=%ct", "HEAD"));
        var status = Task.Run(() => Run(gitExecutable, directory, "status", "--porcelain=v1", "--untracked-files=all"));
        var remote = readRemote ? Task.Run(() => Run(gitExecutable, directory, "config", "--get", "remote.origin.url")) : null;
        try
        {
            Task.WaitAll(remote is null ? new Task[] { head, time, status } : new Task[] { head, time, status, remote });
        }
        catch (AggregateException ex) when (ex.InnerExceptions.FirstOrDefault(e => e is Win32Exception or FileNotFoundException) is { } missing)
        {
            return GitFacts.Unavailable($"a tree whose commit could not be read: '{gitExecutable}' was not found ({missing.Message})");
        }

        var lines = head.Result.Lines;
        if (head.Result.ExitCode != 0 || lines.Count < 2)
        {
            var error = head.Result.Error;
            if (error.Contains("not a git repository", StringComparison.OrdinalIgnoreCase))
            {
                return GitFacts.Unavailable("a folder that is not a git checkout, so the image names no commit");
            }

            if (error.Contains("unknown revision", StringComparison.OrdinalIgnoreCase) ||
                error.Contains("ambiguous argument 'HEAD'", StringComparison.OrdinalIgnoreCase))
            {
                return GitFacts.Unavailable("a git repository without any commit, so the image names no commit");
            }

            return GitFacts.Unavailable("a tree whose commit could not be read: git said " + FirstLine(error));
        }

        var top = lines[0];
        var commit = lines[1];
        long? seconds = long.TryParse(time.Result.Lines.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) ? s : null;

        var ignored = ignoredFolders.Where(f => !string.IsNullOrWhiteSpace(f)).Select(Path.GetFullPath).ToList();
        var changed = status.Result.Lines
            .Where(line => line.Length > 3)
            .Select(line => Unquote(line.Substring(3).Split(" -> ").Last()))
            .Where(path => !ignored.Any(folder => Policy.PathDisplay.IsUnder(Path.Combine(top, path), folder)))
            .ToList();

        var remoteUrl = remote is { Result.ExitCode: 0 } ? remote.Result.Lines.FirstOrDefault() ?? "" : "";
        return new GitFacts(commit, seconds, changed, remoteUrl, null);
    }

    private static string Unquote(string path) =>
        path.Length >= 2 && path[0] == '"' && path[^1] == '"' ? path[1..^1].Replace("\\\"", "\"").Replace("\\\\", "\\") : path;

    private static string FirstLine(string text) => text.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? "nothing";

    private sealed record GitResult(int ExitCode, IReadOnlyList<string> Lines, string Error);

    private static GitResult Run(string git, string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo(git)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("core.quotepath=off");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Git's messages are matched above; keep them in English.
        start.Environment["LC_ALL"] = "C";
        start.Environment["GIT_OPTIONAL_LOCKS"] = "0";
        using var process = Process.Start(start) ?? throw new Win32Exception("git did not start");
        var errorTask = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit((int)Timeout.TotalMilliseconds))
        {
            process.Kill(entireProcessTree: true);
            return new GitResult(-1, Array.Empty<string>(), "git did not answer within " + Timeout.TotalSeconds + " s");
        }

        var lines = output.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToList();
        return new GitResult(process.ExitCode, lines, errorTask.Result);
    }
}
