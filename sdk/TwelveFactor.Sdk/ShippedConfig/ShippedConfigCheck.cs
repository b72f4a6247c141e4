using TwelveFactor.Sdk.Catalog;
using TwelveFactor.Sdk.Policy;
using TwelveFactor.Sdk.Reading;

namespace TwelveFactor.Sdk.ShippedConfig;

/// <summary>
/// Reads every config file a project ships, once, and runs the rules that read shipped config over it:
/// TF0401, TF0701 (web.config), TF0702, TF1101 and TF1201. An unreadable file is TF0003; a malformed one
/// is TF0004 and is still checked by the tolerant readers.
/// </summary>
public static class ShippedConfigCheck
{
    /// <param name="processType">The process type, stated or implied by the SDK flavour; empty for none.</param>
    public static IEnumerable<Finding> Check(IEnumerable<string> files, string processType)
    {
        var findings = new List<Finding>();
        foreach (var path in files.Distinct(StringComparer.Ordinal))
        {
            var file = ShippedConfigFile.Classify(path);
            if (file is null || !File.Exists(path))
            {
                continue;
            }

            try
            {
                findings.AddRange(file.Format == ConfigFormat.Json ? CheckJson(file, processType) : CheckXml(file));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                findings.Add(Finding.UnreadableFile(path, ex, "read"));
            }
            catch (Exception ex) when (ex is not (OutOfMemoryException or StackOverflowException))
            {
                // One file that breaks a reader must not switch off the checks of the others.
                findings.Add(Finding.At(RuleIds.InternalError, SourceLocation.WholeFile(path), "read", nameof(ShippedConfigCheck), InputFile.Failure(ex, path)));
            }
        }

        return findings;
    }

    private static IEnumerable<Finding> CheckJson(ShippedConfigFile file, string processType)
    {
        var json = ConfigJson.Load(file.Path);
        var findings = new List<Finding>();
        if (json.Problem is not null)
        {
            findings.Add(Malformed(file, json.Problem, "JSON"));
        }

        findings.AddRange(BackingServiceRule.Check(file, json.Entries));
        findings.AddRange(ListenAddressRule.Check(file, json.Entries));
        findings.AddRange(FileLoggingConfigRule.Check(file, json.Entries));
        findings.AddRange(AdminTaskConfigRule.Check(file, json.Entries, processType));
        return findings;
    }

    private static IEnumerable<Finding> CheckXml(ShippedConfigFile file)
    {
        var xml = ConfigXml.Load(file.Path);
        var findings = new List<Finding>();
        if (xml.Problem is not null)
        {
            findings.Add(Malformed(file, xml.Problem, "XML"));
        }

        findings.AddRange(IisWebConfigRule.Check(file, xml));
        findings.AddRange(FileLoggingConfigRule.Check(file, xml));
        return findings;
    }

    /// <summary>TF0004 for a config file that did not parse; the same key as every other reader of the file, so one report.</summary>
    public static Finding Malformed(ShippedConfigFile file, ConfigFileProblem problem, string format) => problem.ToFinding(file.Path, format);
}
