using TwelveFactor.Sdk.Catalog;
using TwelveFactor.Sdk.Policy;

namespace TwelveFactor.Sdk.Fixing;

/// <summary>
/// TF0304: a key or certificate file is kept out of the build and publish outputs. It is still in the
/// repository: removing it from the history and rotating the key stay for a person.
/// </summary>
public sealed class KeyFileFix : IBuildFileFix
{
    public string RuleId => RuleIds.KeyFileInOutput;

    public bool FixesWholeFiles => true;

    public FixPlan Plan(Finding finding, string text, FixContext context) => OutputExclusions.Plan(finding, text, context) is var plan && plan.Fixes
        ? plan with { Summary = plan.Summary + ". Rotate the key and remove the file from the repository's history" }
        : plan;
}
