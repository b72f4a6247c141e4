using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace TwelveFactor.Sdk.Policy;

/// <summary>
/// A finding's identity for the baseline and for SARIF: the rule, the file relative to the project, and the
/// rule's own key, but never the line, so that entries survive unrelated edits and moved lines.
/// Shared as source with the analyzer (netstandard2.0), which fingerprints its diagnostics the same way.
/// </summary>
public static partial class Fingerprint
{
    private static readonly bool PathsIgnoreCase =
        RuntimeInformation.IsOSPlatform(OSPlatform.Windows) || RuntimeInformation.IsOSPlatform(OSPlatform.OSX);

    public static string Compute(string ruleId, string relativeFile, string key, int occurrence)
    {
        var text = ruleId + "\n" + relativeFile.Replace('\\', '/') + "\n" + key + "\n" + occurrence.ToString(System.Globalization.CultureInfo.InvariantCulture);
        byte[] hash;
        using (var sha = SHA256.Create())
        {
            hash = sha.ComputeHash(Encoding.UTF8.GetBytes(text));
        }

        var hex = new StringBuilder(32);
        for (var i = 0; i < 16; i++)
        {
            hex.Append(hash[i].ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
        }

        return hex.ToString();
    }

    /// <summary>
    /// Numbers identical (rule, file, key) triples in file, line and column order, so that two equal violations
    /// in one file stay two entries; returns each subject with its relative file and fingerprint.
    /// </summary>
    public static IReadOnlyList<FingerprintAssignment<T>> Assign<T>(IEnumerable<T> subjects, string baseDirectory, Func<T, FingerprintSubject> describe)
    {
        var result = new List<FingerprintAssignment<T>>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var described = subjects.Select(s => (Item: s, Subject: describe(s)))
            .OrderBy(x => x.Subject.File, StringComparer.Ordinal).ThenBy(x => x.Subject.Line).ThenBy(x => x.Subject.Column);
        foreach (var (item, subject) in described)
        {
            var relative = RelativeFile(baseDirectory, subject.File);
            var identity = subject.RuleId + "\n" + relative + "\n" + subject.Key;
            seen.TryGetValue(identity, out var occurrence);
            seen[identity] = occurrence + 1;
            result.Add(new FingerprintAssignment<T>(item, relative, Compute(subject.RuleId, relative, subject.Key, occurrence)));
        }

        return result;
    }

    /// <summary>
    /// <paramref name="file"/> relative to <paramref name="baseDirectory"/> with forward slashes, as
    /// Path.GetRelativePath gives it (which netstandard2.0 lacks); empty for no file.
    /// </summary>
    public static string RelativeFile(string baseDirectory, string file)
    {
        if (string.IsNullOrEmpty(file))
        {
            return "";
        }

        if (string.IsNullOrEmpty(baseDirectory))
        {
            return file.Replace('\\', '/');
        }

        var from = Segments(Path.GetFullPath(baseDirectory));
        var to = Segments(Path.GetFullPath(file));
        var comparison = PathsIgnoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        var common = 0;
        while (common < from.Length && common < to.Length && string.Equals(from[common], to[common], comparison))
        {
            common++;
        }

        if (common == 0 && (from.Length > 0 || to.Length > 0) && RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
        {
            // Different drives: there is no relative path.
            return Path.GetFullPath(file).Replace('\\', '/');
        }

        var parts = Enumerable.Repeat("..", from.Length - common).Concat(to.Skip(common)).ToList();
        return parts.Count == 0 ? "." : string.Join("/", parts);
    }

    private static string[] Segments(string fullPath) =>
        fullPath.Replace('\\', '/').Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>What a fingerprint is computed from; the line and column only order equal findings.</summary>
public readonly struct FingerprintSubject
{
    public FingerprintSubject(string ruleId, string file, int line, int column, string key)
    {
        RuleId = ruleId;
        File = file;
        Line = line;
        Column = column;
        Key = key;
    }

    public string RuleId { get; }

    public string File { get; }

    public int Line { get; }

    public int Column { get; }

    public string Key { get; }
}

public sealed class FingerprintAssignment<T>
{
    public FingerprintAssignment(T item, string relativeFile, string fingerprint)
    {
        Item = item;
        RelativeFile = relativeFile;
        Fingerprint = fingerprint;
    }

    public T Item { get; }

    public string RelativeFile { get; }

    public string Fingerprint { get; }
}
