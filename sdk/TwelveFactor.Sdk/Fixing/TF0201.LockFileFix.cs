using TwelveFactor.Sdk.Catalog;
using TwelveFactor.Sdk.Policy;

namespace TwelveFactor.Sdk.Fixing;

/// <summary>TF0201: RestorePackagesWithLockFile set to false is set back to true; the next restore writes packages.lock.json.</summary>
public sealed class LockFileFix : IBuildFileFix
{
    public string RuleId => RuleIds.LockFile;

    public FixPlan Plan(Finding finding, string text, FixContext context)
    {
        var element = XmlStartTag.At(text, finding.Line, finding.Column);
        if (!string.Equals(element?.TrimmedContent(), "false", StringComparison.OrdinalIgnoreCase))
        {
            return FixPlan.NeedsPerson("RestorePackagesWithLockFile is not the literal false here; set it to true where it is decided");
        }

        return new FixPlan(element!.SetContent("true"),
            "RestorePackagesWithLockFile set to true: the next restore writes packages.lock.json; commit it");
    }
}
