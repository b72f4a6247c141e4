using TwelveFactor.Sdk.Catalog;
using TwelveFactor.Sdk.Policy;

namespace TwelveFactor.Sdk.Fixing;

/// <summary>
/// TF0302: an environment-specific config file (appsettings.Production.json) is kept out of the outputs it was
/// copied to (appsettings.Development.json out of publish only, as it serves local runs). Its settings belong in
/// the environment; the file stays in the repository for a person to empty or delete.
/// </summary>
public sealed class EnvironmentConfigFix : IBuildFileFix
{
    public string RuleId => RuleIds.EnvironmentConfigInOutput;

    public bool FixesWholeFiles => true;

    public FixPlan Plan(Finding finding, string text, FixContext context) => OutputExclusions.Plan(finding, text, context);
}
