using TwelveFactor.Sdk.Catalog;
using TwelveFactor.Sdk.Policy;

namespace TwelveFactor.Sdk.Composition;

/// <summary>
/// TF0801: an executable service whose process type cannot be told: no TwelveFactorProcessType, and no SDK
/// flavour (web or worker) that implies one. Libraries and test projects are not processes.
/// </summary>
public static class ProcessTypeRule
{
    public static IEnumerable<Finding> Check(ProjectSettings settings)
    {
        var isExecutable = settings.OutputType.Equals("Exe", StringComparison.OrdinalIgnoreCase) || settings.OutputType.Equals("WinExe", StringComparison.OrdinalIgnoreCase);
        if (!isExecutable || !settings.IsService || settings.IsTestProject || settings.StatedProcessType.Length > 0 || settings.FlavourProcessType.Length > 0)
        {
            yield break;
        }

        var location = settings.WrittenProperty("OutputType")?.Location ?? SourceLocation.WholeFile(settings.ProjectFile);
        yield return Finding.At(RuleIds.UnknownProcessType, location, "processType",
            "The executable project '" + Path.GetFileNameWithoutExtension(settings.ProjectFile) + "' has no process type: TwelveFactorProcessType is not set and its SDK flavour implies none");
    }
}
