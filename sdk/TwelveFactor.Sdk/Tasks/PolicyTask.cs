using Microsoft.Build.Framework;
using TwelveFactor.Sdk.Catalog;
using TwelveFactor.Sdk.Policy;

namespace TwelveFactor.Sdk.Tasks;

/// <summary>A task that reports under the project's policy level and MSBuild's warning switches.</summary>
public abstract class PolicyTask : TwelveFactorTask
{
    /// <summary>$(TwelveFactorPolicy): strict, recommended (default) or audit.</summary>
    public string? Policy { get; set; }

    public string? NoWarn { get; set; }

    public string? WarningsAsErrors { get; set; }

    public string? WarningsNotAsErrors { get; set; }

    public bool TreatWarningsAsErrors { get; set; }

    protected PolicyLevel PolicyLevel => PolicyLevels.TryParse(Policy, out var level) ? level : PolicyLevel.Recommended;

    protected override SeverityPolicy SeverityPolicy =>
        new(PolicyLevel, NoWarn, WarningsAsErrors, WarningsNotAsErrors, TreatWarningsAsErrors);

    /// <summary>
    /// Writes <paramref name="report"/> as the project's SARIF log to each of <paramref name="logs"/> (the one in obj/
    /// and $(TwelveFactorSarifLog)), with locations relative to <paramref name="sourceRoot"/> (the repository root
    /// when empty); a log that cannot be written is TF0006.
    /// </summary>
    protected void WriteSarifLogs(IEnumerable<ITaskItem> logs, FindingReport report, string projectFile, string? sourceRoot)
    {
        var places = logs.ToList();
        if (places.Count == 0)
        {
            return;
        }

        var content = SarifLog.Create(report, SourceRootOf(sourceRoot, projectFile), ToolInfo.Version, projectFile, PolicyLevel.ToString().ToLowerInvariant());
        WriteSarifLogs(places, content, projectFile);
    }
}
