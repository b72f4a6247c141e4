using TwelveFactor.Sdk.Policy;

namespace TwelveFactor.Sdk.Fixing;

/// <summary>
/// Plans the fixes of a project's build-file findings: one edit per finding that has a safe fix, all edits of a
/// file applied together to its text, and every other finding listed for a person.
/// </summary>
public static class BuildFileFixer
{
    private static readonly IReadOnlyDictionary<string, IBuildFileFix> Fixes =
        new IBuildFileFix[] { new LockFileFix(), new PinnedVersionFix() }.ToDictionary(f => f.RuleId, StringComparer.Ordinal);

    public static IReadOnlyCollection<string> FixableRules => Fixes.Keys.ToList();

    public static FixResult Plan(IEnumerable<Finding> findings, FixContext context, Func<string, string?> readFile)
    {
        var changes = new List<PlannedChange>();
        var forPeople = new List<NeedsPerson>();
        var texts = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var finding in findings.OrderBy(f => f.File, StringComparer.Ordinal).ThenBy(f => f.Line))
        {
            if (!Fixes.TryGetValue(finding.RuleId, out var fix))
            {
                forPeople.Add(new NeedsPerson(finding, "no safe automatic fix"));
                continue;
            }

            if (!texts.TryGetValue(finding.File, out var text))
            {
                text = texts[finding.File] = finding.File.Length == 0 ? null : readFile(finding.File);
            }

            var plan = text is null || finding.Line == 0 ? FixPlan.NeedsPerson(text is null && finding.File.Length > 0 ? "the file cannot be read" : "the finding has no place in a file to edit") : fix.Plan(finding, text, context);
            if (plan.Edit is null)
            {
                forPeople.Add(new NeedsPerson(finding, plan.Summary));
            }
            else
            {
                changes.Add(new PlannedChange(finding, plan.Edit, plan.Summary));
            }
        }

        var files = changes.GroupBy(c => c.Finding.File, StringComparer.Ordinal)
            .Select(g => new FixedFile(g.Key, texts[g.Key]!, TextEdit.Apply(texts[g.Key]!, g.Select(c => c.Edit))))
            .ToList();
        return new FixResult(changes, forPeople, files);
    }
}

public sealed record PlannedChange(Finding Finding, TextEdit Edit, string Summary);

public sealed record NeedsPerson(Finding Finding, string Why);

public sealed record FixedFile(string Path, string Before, string After);

public sealed record FixResult(IReadOnlyList<PlannedChange> Changes, IReadOnlyList<NeedsPerson> ForPeople, IReadOnlyList<FixedFile> Files);
