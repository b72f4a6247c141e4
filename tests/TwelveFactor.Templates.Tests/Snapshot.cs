using System.Text;
using System.Text.RegularExpressions;

namespace TwelveFactor.Templates.Tests;

/// <summary>
/// A generated tree as one text: every file under its path, in ordinal order, with what varies between runs
/// scrubbed (the SDK version, GUIDs, port numbers in URLs). Compared with Approved/&lt;name&gt;.approved.txt;
/// set TWELVEFACTOR_APPROVE=1 to write the received text there instead of failing.
/// </summary>
public static partial class Snapshot
{
    private const string FileHeader = "==== ";

    public static string Of(string root, string sdkVersion)
    {
        var text = new StringBuilder();
        foreach (var path in Directory.GetFiles(root, "*", SearchOption.AllDirectories)
                     .Select(p => Path.GetRelativePath(root, p).Replace('\\', '/'))
                     .Where(p => !p.Split('/').Any(part => part is "bin" or "obj"))
                     .Order(StringComparer.Ordinal))
        {
            text.Append(FileHeader).Append(path).Append('\n');
            text.Append(Scrub(File.ReadAllText(Path.Combine(root, path)), sdkVersion).ReplaceLineEndings("\n").TrimEnd('\n')).Append('\n');
        }
        return text.ToString();
    }

    public static string Scrub(string text, string sdkVersion) =>
        PortPattern().Replace(GuidPattern().Replace(text.Replace(sdkVersion, "{SdkVersion}"), "{Guid}"), "$1{Port}");

    public static void Verify(string name, string received)
    {
        var approvedPath = Path.Combine(RepositoryLayout.Root, "tests", "TwelveFactor.Templates.Tests", "Approved", name + ".approved.txt");
        if (Environment.GetEnvironmentVariable("TWELVEFACTOR_APPROVE") == "1")
        {
            File.WriteAllText(approvedPath, received);
            return;
        }
        var approved = File.Exists(approvedPath) ? File.ReadAllText(approvedPath).ReplaceLineEndings("\n") : "";
        if (approved != received)
        {
            Assert.Fail($"The generated tree '{name}' differs from {approvedPath}.\n{Differences(Files(approved), Files(received))}\n" +
                        "If the change is intended, re-run with TWELVEFACTOR_APPROVE=1 and commit the approved file.");
        }
    }

    /// <summary>Files added or removed, and the first differing line of each changed file with context.</summary>
    private static string Differences(IReadOnlyDictionary<string, string[]> approved, IReadOnlyDictionary<string, string[]> received)
    {
        var report = new StringBuilder();
        foreach (var path in approved.Keys.Except(received.Keys).Order(StringComparer.Ordinal))
        {
            report.AppendLine($"- missing file: {path}");
        }
        foreach (var path in received.Keys.Except(approved.Keys).Order(StringComparer.Ordinal))
        {
            report.AppendLine($"+ new file: {path}");
        }
        foreach (var path in approved.Keys.Intersect(received.Keys).Order(StringComparer.Ordinal))
        {
            var (before, after) = (approved[path], received[path]);
            var line = Enumerable.Range(0, Math.Max(before.Length, after.Length))
                .FirstOrDefault(i => i >= before.Length || i >= after.Length || before[i] != after[i], -1);
            if (line < 0)
            {
                continue;
            }
            report.AppendLine($"~ {path}, from line {line + 1}:");
            for (var i = Math.Max(0, line - 2); i < Math.Min(before.Length, line + 3); i++)
            {
                report.AppendLine($"  {(i < line ? ' ' : '-')} {before[i]}");
            }
            for (var i = line; i < Math.Min(after.Length, line + 3); i++)
            {
                report.AppendLine($"  + {after[i]}");
            }
        }
        return report.ToString();
    }

    private static Dictionary<string, string[]> Files(string snapshot)
    {
        var files = new Dictionary<string, string[]>(StringComparer.Ordinal);
        string? current = null;
        var lines = new List<string>();
        foreach (var line in snapshot.Split('\n'))
        {
            if (line.StartsWith(FileHeader, StringComparison.Ordinal))
            {
                if (current is not null)
                {
                    files[current] = lines.ToArray();
                }
                (current, lines) = (line[FileHeader.Length..], []);
            }
            else
            {
                lines.Add(line);
            }
        }
        if (current is not null)
        {
            files[current] = lines.ToArray();
        }
        return files;
    }

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex GuidPattern();

    [GeneratedRegex(@"(https?://[^/\s:""]+:)\d{2,5}")]
    private static partial Regex PortPattern();
}
