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
}
