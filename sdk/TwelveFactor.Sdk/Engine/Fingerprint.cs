using System.Security.Cryptography;
using System.Text;

namespace TwelveFactor.Sdk.Engine;

/// <summary>
/// A finding's identity for the baseline and for SARIF: the rule, the file relative to the project, and the
/// rule's own key, but never the line, so that entries survive unrelated edits and moved lines.
/// </summary>
public static class Fingerprint
{
    public static string Compute(string ruleId, string relativeFile, string key, int occurrence)
    {
        var text = ruleId + "\n" + relativeFile.Replace('\\', '/') + "\n" + key + "\n" + occurrence.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        return Convert.ToHexString(hash, 0, 16).ToLowerInvariant();
    }

    /// <summary>
    /// Fingerprints for a set of findings, numbering identical (rule, file, key) triples in line order so that
    /// two equal violations in one file stay two entries.
    /// </summary>
    public static IReadOnlyList<FingerprintedFinding> Assign(IEnumerable<Finding> findings, string baseDirectory)
    {
        var result = new List<FingerprintedFinding>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var finding in findings.OrderBy(f => f.File, StringComparer.Ordinal).ThenBy(f => f.Line).ThenBy(f => f.Column))
        {
            var relative = PathDisplay.Relative(baseDirectory, finding.File);
            var identity = finding.RuleId + "\n" + relative + "\n" + finding.FingerprintKey;
            seen.TryGetValue(identity, out var occurrence);
            seen[identity] = occurrence + 1;
            result.Add(new FingerprintedFinding(finding, relative, Compute(finding.RuleId, relative, finding.FingerprintKey, occurrence)));
        }

        return result;
    }
}

public sealed record FingerprintedFinding(Finding Finding, string RelativeFile, string Fingerprint);
