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
    public static GitFacts Read(string directory, IEnumerable<string> ignoredFolders, string gitExecutable = "git")
    {
        GitResult head;
        try
        {
            head = Run(gitExecutable, directory, "rev-parse", "--show-toplevel", "HEAD");
        }
        catch (Exception ex) when (ex is Win32Exception or FileNotFoundException)
        {
            return GitFacts.Unavailable($"a tree whose commit could not be read: '{gitExecutable}' was not found ({ex.Message})");
        }

        var lines = head.Lines;
        if (head.ExitCode != 0 || lines.Count < 2)
        {
            if (head.Error.Contains("not a git repository", StringComparison.OrdinalIgnoreCase))
            {
                return GitFacts.Unavailable("a folder that is not a git checkout, so the image names no commit");
            }

            if (head.Error.Contains("unknown revision", StringComparison.OrdinalIgnoreCase) ||
                head.Error.Contains("ambiguous argument 'HEAD'", StringComparison.OrdinalIgnoreCase))
            {
                return GitFacts.Unavailable("a git repository without any commit, so the image names no commit");
            }

            return GitFacts.Unavailable("a tree whose commit could not be read: git said " + FirstLine(head.Error));
        }

        var top = lines[0];
        var commit = lines[1];
        // Three independent questions: asked at once, since each git start costs a few milliseconds.
        var time = Task.Run(() => Run(gitExecutable, directory, "show", "-s", "--format=%ct", "HEAD"));
        var status = Task.Run(() => Run(gitExecutable, directory, "status", "--porcelain=v1", "--untracked-files=all"));
        var remote = Task.Run(() => Run(gitExecutable, directory, "config", "--get", "remote.origin.url"));
        long? seconds = long.TryParse(time.Result.Lines.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) ? s : null;

        var ignored = ignoredFolders.Where(f => !string.IsNullOrWhiteSpace(f)).Select(Path.GetFullPath).ToList();
        var changed = status.Result.Lines
            .Where(line => line.Length > 3)
            .Select(line => Unquote(line.Substring(3).Split(" -> ").Last()))
            .Where(path => !ignored.Any(folder => Policy.PathDisplay.IsUnder(Path.Combine(top, path), folder)))
            .ToList();

        return new GitFacts(commit, seconds, changed, remote.Result.ExitCode == 0 ? remote.Result.Lines.FirstOrDefault() ?? "" : "", null);
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
