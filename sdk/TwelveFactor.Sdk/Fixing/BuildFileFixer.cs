using TwelveFactor.Sdk.Policy;

namespace TwelveFactor.Sdk.Fixing;

/// <summary>
/// Plans the fixes of a project's build-file findings: one edit per finding that has a safe fix, all edits of a
/// file applied together to its text, and every other finding listed for a person. Settings moved out of
/// committed config files are declared in the project's .env.example and kept for local runs in its user
/// secrets (the project gets a UserSecretsId when it has none).
/// </summary>
public static class BuildFileFixer
{
    private static readonly IReadOnlyDictionary<string, IBuildFileFix> Fixes =
        new IBuildFileFix[] { new LockFileFix(), new PinnedVersionFix(), new BaseImageDigestFix(), new SecretSettingFix(), new HostingModelFix(), new ListenAddressFix(), new ContainerUserFix(), new EnvironmentConfigFix(), new KeyFileFix() }.ToDictionary(f => f.RuleId, StringComparer.Ordinal);

    public static IReadOnlyCollection<string> FixableRules => Fixes.Keys.ToList();

    /// <param name="readFile">The text of a file, or null when it does not exist or cannot be read.</param>
    /// <param name="newUserSecretsId">The id a project without one gets (a new GUID unless a test decides).</param>
    public static FixResult Plan(IEnumerable<Finding> findings, FixContext context, Func<string, string?> readFile, Func<string>? newUserSecretsId = null)
    {
        var changes = new List<PlannedChange>();
        var keptOut = new List<(Finding Finding, FixPlan Plan)>();
        var forPeople = new List<NeedsPerson>();
        var texts = new Dictionary<string, string?>(StringComparer.Ordinal);
        string? Text(string path) => texts.TryGetValue(path, out var known) ? known : texts[path] = readFile(path);
        context = context.WithReader(Text);

        foreach (var finding in findings.OrderBy(f => f.File, StringComparer.Ordinal).ThenBy(f => f.Line))
        {
            if (!Fixes.TryGetValue(finding.RuleId, out var fix))
            {
                forPeople.Add(new NeedsPerson(finding, "no safe automatic fix"));
                continue;
            }

            var wholeFile = finding.Line == 0 && fix.FixesWholeFiles;
            var text = finding.File.Length == 0 ? null : wholeFile ? "" : Text(finding.File);
            var plan = text is null || (finding.Line == 0 && !wholeFile)
                ? FixPlan.NeedsPerson(text is null && finding.File.Length > 0 ? "the file cannot be read" : "the finding has no place in a file to edit")
                : fix.Plan(finding, text, context);
            if (!plan.Fixes)
            {
                forPeople.Add(new NeedsPerson(finding, plan.Summary));
            }
            else if (plan.KeepOut is not null)
            {
                keptOut.Add((finding, plan));
            }
            else
            {
                changes.Add(new PlannedChange(finding, plan.Edit!, plan.Summary) { MovedSettings = plan.MovedSettings, EditedFile = plan.EditedFile ?? finding.File });
            }
        }

        // Files kept out of the outputs: one ItemGroup of Update items, added at the end of the project.
        if (keptOut.Count > 0)
        {
            var project = context.ProjectFile.Length > 0 ? Text(context.ProjectFile) : null;
            var edit = project is null ? null : OutputExclusions.Add(project, keptOut.Select(k => k.Plan.KeepOut!).Distinct().OrderBy(k => k.Include, StringComparer.Ordinal));
            foreach (var (finding, plan) in keptOut)
            {
                if (edit is null)
                {
                    forPeople.Add(new NeedsPerson(finding, "the project file has no </Project> line to add an ItemGroup before: " + plan.Summary));
                }
                else
                {
                    changes.Add(new PlannedChange(finding, edit, plan.Summary) { EditedFile = context.ProjectFile });
                }
            }
        }

        // Two findings may fix one place (two packages through one version property): the same edit is made once;
        // different edits of one place are a choice for a person.
        foreach (var clash in changes.GroupBy(c => (c.EditedFile, c.Edit.Start, c.Edit.Length)).Where(g => g.Select(c => c.Edit.Replacement).Distinct().Count() > 1).ToList())
        {
            forPeople.AddRange(clash.Select(c => new NeedsPerson(c.Finding, "another finding changes the same place differently (" +
                string.Join(", ", clash.Select(x => x.Edit.Replacement).Distinct()) + "): choose one")));
            changes.RemoveAll(clash.Contains);
        }

        UserSecrets? userSecrets = null;
        var added = new List<FileEdit>();
        var moved = changes.SelectMany(c => c.MovedSettings).ToList();
        if (moved.Count > 0)
        {
            // A value leaves the file only when it has a place to go for local runs.
            var id = context.UserSecretsId;
            if (id is null && context.ProjectFile.Length > 0 && Text(context.ProjectFile) is { } project &&
                LocalSecrets.AddUserSecretsId(project, id = (newUserSecretsId ?? NewId)()) is { } idEdit)
            {
                added.Add(new FileEdit(context.ProjectFile, idEdit, HidesRemovedText: false));
            }
            else if (context.UserSecretsId is null)
            {
                id = null;
            }

            if (id is null)
            {
                forPeople.AddRange(changes.Where(c => c.MovedSettings.Count > 0)
                    .Select(c => new NeedsPerson(c.Finding, "the project has no PropertyGroup to add a UserSecretsId to, so the value would have nowhere to go for local runs: move it by hand and rotate it")));
                changes.RemoveAll(c => c.MovedSettings.Count > 0);
            }
            else
            {
                var environmentExample = Path.Combine(Path.GetDirectoryName(context.ProjectFile) ?? "", LocalSecrets.EnvironmentExampleName);
                if (LocalSecrets.DeclareVariables(Text(environmentExample) ?? "", moved) is { } declared)
                {
                    texts[environmentExample] ??= "";
                    added.Add(new FileEdit(environmentExample, declared, HidesRemovedText: false));
                }

                userSecrets = new UserSecrets(id, moved);
            }
        }

        var edits = changes.Select(c => new FileEdit(c.EditedFile, c.Edit, HidesRemovedText: c.MovedSettings.Count > 0)).Distinct().Concat(added);
        var files = edits.GroupBy(e => e.Path, StringComparer.Ordinal)
            .Select(g => new FixedFile(g.Key, texts[g.Key]!, TextEdit.Apply(texts[g.Key]!, g.Select(e => e.Edit)),
                TextEdit.Apply(texts[g.Key]!, g.Where(e => e.HidesRemovedText).Select(e => e.Edit with { Replacement = Redacted }))))
            .ToList();
        // A finding about a value another fix removes (the address in a secret connection string) goes with it.
        var resolved = forPeople.Where(p => changes.Any(c => Covers(c, p.Finding, texts))).Select(p => p.Finding).ToList();
        forPeople.RemoveAll(p => resolved.Contains(p.Finding));
        return new FixResult(changes, forPeople, files) { UserSecrets = userSecrets, ResolvedAlong = resolved };
    }

    /// <summary>What the dry run's diff shows in place of a secret the fix removes.</summary>
    private const string Redacted = "***";

    private static string NewId() => Guid.NewGuid().ToString();

    /// <summary>True when the change replaces the text the finding points at (a string value's quotes included).</summary>
    private static bool Covers(PlannedChange change, Finding finding, Dictionary<string, string?> texts)
    {
        if (change.Edit.Length == 0 || finding.Line == 0 || !string.Equals(change.EditedFile, finding.File, StringComparison.Ordinal) ||
            texts.GetValueOrDefault(finding.File) is not { } text)
        {
            return false;
        }

        var offset = TextEdit.OffsetOf(text, finding.Line, finding.Column);
        return offset >= change.Edit.Start - 1 && offset <= change.Edit.Start + change.Edit.Length;
    }

    private sealed record FileEdit(string Path, TextEdit Edit, bool HidesRemovedText);
}

public sealed record PlannedChange(Finding Finding, TextEdit Edit, string Summary)
{
    public IReadOnlyList<MovedSetting> MovedSettings { get; init; } = Array.Empty<MovedSetting>();

    /// <summary>The file the edit is in: the finding's, or the one a fix found the value declared in.</summary>
    public string EditedFile { get; init; } = Finding.File;
}

public sealed record NeedsPerson(Finding Finding, string Why);

/// <summary>A file's text before and after its fixes; <see cref="ShownBefore"/> is the before with every removed secret masked.</summary>
public sealed record FixedFile(string Path, string Before, string After, string ShownBefore);

/// <summary>Settings to keep in the user secrets of the project (the store dotnet user-secrets manages).</summary>
public sealed record UserSecrets(string Id, IReadOnlyList<MovedSetting> Settings);

public sealed record FixResult(IReadOnlyList<PlannedChange> Changes, IReadOnlyList<NeedsPerson> ForPeople, IReadOnlyList<FixedFile> Files)
{
    /// <summary>Findings of other rules about a value a fix removes: gone with it, so their baseline entries go too.</summary>
    public IReadOnlyList<Finding> ResolvedAlong { get; init; } = Array.Empty<Finding>();

    public UserSecrets? UserSecrets { get; init; }
}
