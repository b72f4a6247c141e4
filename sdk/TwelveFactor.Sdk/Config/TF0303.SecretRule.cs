using TwelveFactor.Sdk.Catalog;
using TwelveFactor.Sdk.Knowledge;
using TwelveFactor.Sdk.Policy;

namespace TwelveFactor.Sdk.Config;

/// <summary>
/// TF0303 over a set of config files, with TF0004 for a JSON file that does not parse (it is still scanned,
/// line by line) and TF0003 for one that cannot be read.
/// </summary>
public static class SecretRule
{
    public static IReadOnlyList<Finding> Check(IEnumerable<string> files)
    {
        var findings = new List<Finding>();
        foreach (var file in files.Distinct(StringComparer.Ordinal))
        {
            if (!ConfigFiles.IsConfigFile(file) || !File.Exists(file))
            {
                continue;
            }

            string text;
            try
            {
                if (new FileInfo(file).Length > ConfigFiles.MaximumFileSize)
                {
                    continue;
                }

                text = File.ReadAllText(file);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                findings.Add(Finding.At(RuleIds.UnreadableFile, SourceLocation.WholeFile(file), "config", file + ": " + ex.Message));
                continue;
            }

            findings.AddRange(ForText(file, text));
        }

        return findings;
    }

    /// <summary>The findings for one file's text.</summary>
    public static IEnumerable<Finding> ForText(string file, string text)
    {
        var scan = SecretScanner.Scan(file, text);
        if (scan.Problem is { } problem)
        {
            yield return problem.ToFinding(file, "JSON");
        }

        foreach (var match in scan.Matches)
        {
            yield return Finding.At(RuleIds.Secret, new SourceLocation(file, match.Line, match.Column), match.FingerprintKey,
                match.Kind, Path.GetFileName(file), match.Description);
        }
    }
}
