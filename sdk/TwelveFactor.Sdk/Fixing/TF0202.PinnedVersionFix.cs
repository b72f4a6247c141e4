using System.Text.RegularExpressions;
using TwelveFactor.Sdk.Catalog;
using TwelveFactor.Sdk.Policy;

namespace TwelveFactor.Sdk.Fixing;

/// <summary>
/// TF0202: a floating or open-ended version is pinned, where it is declared (PackageReference or central
/// PackageVersion, or the property it came through), to the version the lock file resolved, so the build keeps
/// using what it used. A package the lock file does not hold yet needs a restore first.
/// </summary>
public sealed class PinnedVersionFix : IBuildFileFix
{
    private static readonly string[] VersionAttributes = { "Version", "VersionOverride" };

    private static readonly Regex PropertyReference = new(@"^\s*\$\((?<name>[A-Za-z_][\w.-]*)\)\s*$", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);

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
            if (raw is null)
            {
                continue;
            }

            if (raw.Trim() == declared.Trim())
            {
                return new FixPlan(tag!.SetAttribute(attribute, locked), $"{id} pinned from '{declared}' to {locked}, the version packages.lock.json resolved");
            }

            if (PropertyReference.Match(raw) is { Success: true } reference)
            {
                return PinProperty(reference.Groups["name"].Value, finding.File, id, declared, locked, context);
            }
        }

        return FixPlan.NeedsPerson($"the version of {id} is not written on its item here (a Version element): pin it to {locked} where it is declared");
    }

    /// <summary>
    /// A version that comes through a property ($(SerilogVersion)) is pinned where the property is set to it: in
    /// the item's file, or a Directory.Build.props or Directory.Packages.props above it, when exactly one place
    /// sets it to the floating version.
    /// </summary>
    private static FixPlan PinProperty(string property, string itemFile, string id, string declared, string locked, FixContext context)
    {
        var places = CandidateFiles(itemFile)
            .Select(file => (File: file, Text: context.ReadText(file)))
            .Where(f => f.Text is not null)
            .SelectMany(f => XmlStartTag.Named(f.Text!, property).Where(t => t.TrimmedContent() == declared.Trim()).Select(t => (f.File, Tag: t)))
            .ToList();
        if (places.Count != 1 || places[0].Tag.SetContent(locked) is not { } edit)
        {
            return FixPlan.NeedsPerson($"the version of {id} comes through $({property}), which is set to '{declared}' in {(places.Count == 0 ? "no file the fix can see" : places.Count + " places")}: pin it to {locked} where it is decided");
        }

        return new FixPlan(edit, $"{id} pinned from '{declared}' to {locked} (the version packages.lock.json resolved) where $({property}) is set, in {Path.GetFileName(places[0].File)}")
        {
            EditedFile = places[0].File,
        };
    }

    /// <summary>The item's file, then the Directory.Build.props and Directory.Packages.props of each folder above it, up to the repository's root.</summary>
    private static IEnumerable<string> CandidateFiles(string itemFile)
    {
        yield return itemFile;
        for (var folder = Path.GetDirectoryName(itemFile); !string.IsNullOrEmpty(folder); folder = Path.GetDirectoryName(folder))
        {
            foreach (var name in new[] { "Directory.Build.props", "Directory.Packages.props" })
            {
                var candidate = Path.Combine(folder, name);
                if (!candidate.Equals(itemFile, StringComparison.Ordinal))
                {
                    yield return candidate;
                }
            }

            if (Directory.Exists(Path.Combine(folder, ".git")) || File.Exists(Path.Combine(folder, ".git")))
            {
                yield break;
            }
        }
    }
}
