using TwelveFactor.Sdk.Catalog;
using TwelveFactor.Sdk.Policy;

namespace TwelveFactor.Sdk.Fixing;

/// <summary>TF0201: RestorePackagesWithLockFile set to false is set back to true; the next restore writes packages.lock.json.</summary>
public sealed class LockFileFix : IBuildFileFix
{
    public string RuleId => RuleIds.LockFile;

    public FixPlan Plan(Finding finding, string text, FixContext context)
    {
        var content = XmlStartTag.At(text, finding.Line, finding.Column)?.Content();
        if (content is not { } value || !string.Equals(value.Value.Trim(), "false", StringComparison.OrdinalIgnoreCase))
        {
            return FixPlan.NeedsPerson("RestorePackagesWithLockFile is not the literal false here; set it to true where it is decided");
        }

        var at = value.Start + value.Value.IndexOf(value.Value.Trim(), StringComparison.Ordinal);
        return new FixPlan(new TextEdit(at, value.Value.Trim().Length, "true"),
            "RestorePackagesWithLockFile set to true: the next restore writes packages.lock.json; commit it");
    }
}
