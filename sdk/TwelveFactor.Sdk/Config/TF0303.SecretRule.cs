using TwelveFactor.Sdk.Catalog;
using TwelveFactor.Sdk.Knowledge;
using TwelveFactor.Sdk.Policy;
using TwelveFactor.Sdk.Reading;

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
            if (!IsScanned(file) || !File.Exists(file))
            {
                continue;
            }

            if (InputFile.ReadTextOrReport(file, findings, "config") is not { } text)
            {
                continue;
            }

            try
            {
                findings.AddRange(ForText(file, text).ToList());
            }
            catch (Exception ex) when (ex is not (OutOfMemoryException or StackOverflowException))
            {
                // One file that breaks the scanner must not switch off the scan of the others.
                findings.Add(Finding.At(RuleIds.InternalError, SourceLocation.WholeFile(file), "scan", nameof(SecretRule), InputFile.Failure(ex, file)));
            }
        }

        return findings;
    }

    /// <summary>Config files, and an HTTP client's request files (.http), which send credentials in their headers.</summary>
    public static bool IsScanned(string file) => ConfigFiles.IsConfigFile(file) || HttpClientFiles.IsRequestFile(file);

    /// <summary>The findings for one file's text.</summary>
    public static IEnumerable<Finding> ForText(string file, string text)
    {
        var scan = SecretScanner.Scan(file, text, EnvironmentTextsFor(file));
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

    /// <summary>The HTTP client environment files that give a request or environment file's variables their values.</summary>
    private static IReadOnlyList<string> EnvironmentTextsFor(string file)
    {
        if (!HttpClientFiles.IsRequestFile(file) && !HttpClientFiles.IsEnvironmentFile(file))
        {
            return Array.Empty<string>();
        }

        var own = Path.GetFullPath(file);
        return HttpClientFiles.EnvironmentFilesFor(file)
            .Where(f => !string.Equals(Path.GetFullPath(f), own, StringComparison.Ordinal))
            .Select(ConfigFiles.ReadTextOrNull)
            .OfType<string>()
            .ToList();
    }
}
