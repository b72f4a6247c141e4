using TwelveFactor.Sdk.Catalog;
using TwelveFactor.Sdk.Policy;

namespace TwelveFactor.Sdk.Fixing;

/// <summary>
/// TF0202: a floating or open-ended version is pinned, where it is declared (PackageReference or central
/// PackageVersion), to the version the lock file resolved, so the build keeps using what it used. A version that
/// comes through a property, or a package the lock file does not hold yet, needs a person (or a restore first).
/// </summary>
public sealed class PinnedVersionFix : IBuildFileFix
{
    private static readonly string[] VersionAttributes = { "Version", "VersionOverride" };

    public string RuleId => RuleIds.FloatingVersion;

    public FixPlan Plan(Finding finding, string text, FixContext context)
    {
        // The engine's key: ItemType|Id|Version.
        var key = finding.FingerprintKey.Split('|');
        if (key.Length < 3)
        {
            return FixPlan.NeedsPerson("the finding does not name its package");
        }

        var (id, declared) = (key[1], key[2]);
        if (!context.LockedVersions.TryGetValue(id, out var locked))
        {
            return FixPlan.NeedsPerson($"packages.lock.json has no resolved version of {id} yet: restore, then run the fix again");
        }

        var tag = XmlStartTag.At(text, finding.Line, finding.Column);
        foreach (var attribute in VersionAttributes)
        {
            var raw = tag?.AttributeValue(attribute);
            if (raw is null || raw.Trim() != declared.Trim())
            {
                continue;
            }

            return new FixPlan(tag!.SetAttribute(attribute, locked), $"{id} pinned from '{declared}' to {locked}, the version packages.lock.json resolved");
        }

        return FixPlan.NeedsPerson($"the version of {id} is not written on its item here (a property or a Version element): pin it to {locked} where it is declared");
    }
}
