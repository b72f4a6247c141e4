using Microsoft.Build.Framework;
using TwelveFactor.Sdk.Catalog;
using TwelveFactor.Sdk.Policy;

namespace TwelveFactor.Sdk.Tasks;

/// <summary>A task that reports under the project's policy level and MSBuild's warning switches.</summary>
public abstract class PolicyTask : TwelveFactorTask
{
    /// <summary>
    /// @(_TwelveFactorPolicySettings): the project's policy level and MSBuild's warning switches, gathered once in
    /// the targets as metadata (Policy, NoWarn, WarningsAsErrors, WarningsNotAsErrors, TreatWarningsAsErrors).
    /// </summary>
    [Required]
    public ITaskItem PolicySettings { get; set; } = null!;

    /// <summary>$(TwelveFactorPolicy) as written: strict, recommended (default) or audit.</summary>
    protected string Policy => Setting("Policy");

    protected PolicyLevel PolicyLevel => PolicyLevels.TryParse(Policy, out var level) ? level : PolicyLevel.Recommended;

    protected override SeverityPolicy SeverityPolicy =>
        new(PolicyLevel, Setting("NoWarn"), Setting("WarningsAsErrors"), Setting("WarningsNotAsErrors"),
            IsTrue(Setting("TreatWarningsAsErrors")));

    private string Setting(string name) => PolicySettings?.GetMetadata(name) ?? "";

    /// <summary>What MSBuild takes as true for a bool task parameter (true, on, yes and their negated opposites).</summary>
    private static bool IsTrue(string value) =>
        value.Trim().ToLowerInvariant() is "true" or "on" or "yes" or "!false" or "!off" or "!no";

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

        var content = SarifLog.Create(report, RepositoryOrProjectFolder(sourceRoot, projectFile), ToolInfo.Version, projectFile, PolicyLevel.ToString().ToLowerInvariant());
        WriteSarifLogs(places, content, projectFile);
    }
}
