using System.Text.Json;
using Microsoft.Build.Framework;
using TwelveFactor.Sdk.Catalog;
using TwelveFactor.Sdk.Containers;
using TwelveFactor.Sdk.Fixing;
using TwelveFactor.Sdk.Policy;
using TwelveFactor.Sdk.Reading;

namespace TwelveFactor.Sdk.Tasks;

/// <summary>
/// dotnet build -t:TwelveFactorFix: applies the safe fixes of the project's build-file findings in place (every
/// byte outside an edit kept), prints a summary of each change and lists what needs a person with the rule's
/// page; removes the baseline entries of what it fixed. With DryRun it prints the diff and changes nothing.
/// </summary>
public sealed class FixTwelveFactorFindings : PolicyTask
{
    [Required]
    public ITaskItem[] FindingsFiles { get; set; } = Array.Empty<ITaskItem>();

    [Required]
    public string ProjectFile { get; set; } = "";

    /// <summary>The project's packages.lock.json: the versions TF0202's fix pins to.</summary>
    public string? LockFile { get; set; }

    public string? BaselineFile { get; set; }

    /// <summary>$(UserSecretsId): where TF0303's fix keeps a moved secret for local runs (the project gets one when empty).</summary>
    public string? UserSecretsId { get; set; }

    public bool DryRun { get; set; }

    /// <summary>@(Content) and @(None): which item carries a file that TF0302/TF0304's fix keeps out of the outputs.</summary>
    public ITaskItem[] ContentItems { get; set; } = Array.Empty<ITaskItem>();

    public ITaskItem[] NoneItems { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>$(ContainerUser): checked here as the container release checks it at publish (TF0901), so that it can be fixed before.</summary>
    public string? ContainerUser { get; set; }

    /// <summary>$(ContainerBaseImage) as the project sets it: checked here as at publish (TF0204), and pinned by the digest its registry serves.</summary>
    public string? ContainerBaseImage { get; set; }

    protected override void ExecuteCore()
    {
        var projectDirectory = Path.GetDirectoryName(ProjectFile) ?? "";
        var findings = global::TwelveFactor.Sdk.Policy.FindingsFile.ReadFiles(FindingsFiles.Select(f => f.ItemSpec)).ToList();
        findings.AddRange(ContainerReleaseFindings());
        var marks = new Dictionary<string, bool>(StringComparer.Ordinal);
        var result = BuildFileFixer.Plan(findings, new FixContext(LockedVersions(), ProjectFile, UserSecretsId, LookupImage, OutputItemTypes()), path =>
        {
            try
            {
                var text = TextFiles.Read(path, out var hasMark);
                marks[path] = hasMark;
                return text;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return null; // left for a person: the plan says the file cannot be read
            }
        });

        if (!DryRun && result.UserSecrets is { } userSecrets && !StoreUserSecrets(userSecrets))
        {
            return;
        }

        var verb = DryRun ? "would change" : "changed";
        Log.LogMessage(MessageImportance.High, "TwelveFactor fix{0}: {1} change(s), {2} finding(s) need a person", DryRun ? " (dry run)" : "", result.Changes.Count, result.ForPeople.Count);
        foreach (var change in result.Changes)
        {
            Log.LogMessage(MessageImportance.High, "  {0}({1}): {2} {3}: {4}", PathDisplay.Relative(projectDirectory, change.Finding.File), change.Finding.Line, change.Finding.RuleId, verb, change.Summary);
        }

        foreach (var along in result.ResolvedAlong)
        {
            Log.LogMessage(MessageImportance.High, "  {0}({1}): {2} {3}: the value it points at is removed by the fix above", PathDisplay.Relative(projectDirectory, along.File), along.Line, along.RuleId, DryRun ? "would go" : "goes");
        }

        foreach (var person in result.ForPeople)
        {
            var rule = RuleCatalog.Get(person.Finding.RuleId);
            var where = person.Finding.File.Length == 0 ? Path.GetFileName(ProjectFile) : PathDisplay.Relative(projectDirectory, person.Finding.File) + "(" + person.Finding.Line + ")";
            Log.LogMessage(MessageImportance.High, "  {0}: {1} needs a person ({2}): {3} See {4}", where, rule.Id, person.Why, rule.Title, rule.HelpLink);
        }

        foreach (var file in result.Files)
        {
            if (DryRun)
            {
                foreach (var line in LineDiff.Unified(PathDisplay.Relative(projectDirectory, file.Path), file.ShownBefore, file.After))
                {
                    Log.LogMessage(MessageImportance.High, "{0}", line);
                }
            }
            else
            {
                TextFiles.Write(file.Path, file.After, marks.TryGetValue(file.Path, out var hasMark) && hasMark);
            }
        }

        if (!DryRun && result.Changes.Count > 0)
        {
            RemoveFixedFromBaseline(findings, result.Changes.Select(c => c.Finding).Concat(result.ResolvedAlong).ToHashSet(), projectDirectory);
        }
    }

    /// <summary>
    /// Keeps the moved settings in the user secrets before any value leaves a committed file, so that a failure
    /// here changes nothing. Names the keys, never the values.
    /// </summary>
    private bool StoreUserSecrets(UserSecrets userSecrets)
    {
        var secretsFile = LocalSecrets.SecretsFile(userSecrets.Id);
        try
        {
            var stored = LocalSecrets.Store(secretsFile, userSecrets.Settings);
            var kept = userSecrets.Settings.Select(s => s.Key).Except(stored, StringComparer.Ordinal).ToList();
            Log.LogMessage(MessageImportance.High, "  user secrets {0}: {1} set for local runs{2}", userSecrets.Id,
                stored.Count == 0 ? "nothing" : string.Join(", ", stored), kept.Count == 0 ? "" : "; kept the value they hold already for " + string.Join(", ", kept));
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Text.Json.JsonException)
        {
            Log.LogWarning(null, RuleIds.Secret, null, null, secretsFile, 0, 0, 0, 0,
                "Nothing was changed: the user secrets at {0} could not be written ({1}), and a secret leaves a committed file only when it has a place to go for local runs.",
                secretsFile, ex.GetType().Name);
            return false;
        }
    }

    /// <summary>The container release's user and base image, which publish checks, found now so that they can be fixed.</summary>
    private IEnumerable<Finding> ContainerReleaseFindings()
    {
        var user = ReleaseUserRule.Check(ProjectFile, ContainerUser ?? "");
        var baseImage = string.IsNullOrWhiteSpace(ContainerBaseImage) ? null : ReleaseBaseImageRule.Check(ProjectFile, ContainerBaseImage!, setByProject: true);
        return new[] { user, baseImage }.OfType<Finding>();
    }

    private Dictionary<string, string> OutputItemTypes()
    {
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (items, type) in new[] { (NoneItems, "None"), (ContentItems, "Content") })
        {
            foreach (var item in items)
            {
                types[item.GetMetadata("FullPath")] = type;
            }
        }

        return types;
    }

    private static TagLookup LookupImage(ImageReference image)
    {
        // Docker Hub's registry API is served from registry-1.docker.io.
        var registry = image.Registry == ImageReference.DockerHub ? "registry-1.docker.io" : image.Registry;
        var insecure = RegistryTags.IsInsecure(image.Registry, Environment.GetEnvironmentVariable(RegistryTags.InsecureRegistriesVariable));
        return new RegistryTags().Lookup(registry, image.Repository, image.Tag!, insecure);
    }

    /// <summary>A fixed finding's baseline entry would be stale at the next build: it goes now.</summary>
    private void RemoveFixedFromBaseline(List<Finding> findings, HashSet<Finding> fixedFindings, string projectDirectory)
    {
        if (string.IsNullOrEmpty(BaselineFile) || !File.Exists(BaselineFile))
        {
            return;
        }

        var problems = new List<Finding>();
        var baseline = BaselineReader.LoadOrReport(BaselineFile, problems);
        if (problems.Count > 0)
        {
            // A baseline that cannot be read is left as it is; the next build reports it (TF0001).
            return;
        }

        var report = FindingReport.Create(findings, projectDirectory, SeverityPolicy, baseline);
        var gone = report.Findings.Where(f => fixedFindings.Contains(f.Finding))
            .Select(f => f.Finding.RuleId + "\n" + f.Source.Fingerprint).ToHashSet(StringComparer.Ordinal);
        var kept = baseline.Entries.Where(e => !gone.Contains(e.RuleId + "\n" + e.Fingerprint)).ToList();
        if (kept.Count != baseline.Entries.Count)
        {
            new Baseline(kept).Save(BaselineFile!);
            Log.LogMessage(MessageImportance.High, "  {0}: {1} entr(y/ies) of fixed findings removed", Path.GetFileName(BaselineFile), baseline.Entries.Count - kept.Count);
        }
    }

    /// <summary>Package id → resolved version, from every target framework of packages.lock.json.</summary>
    private Dictionary<string, string> LockedVersions()
    {
        var versions = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (string.IsNullOrEmpty(LockFile) || !File.Exists(LockFile))
        {
            return versions;
        }

        try
        {
            using var document = JsonDocument.Parse(InputFile.ReadBytes(LockFile!));
            if (document.RootElement.TryGetProperty("dependencies", out var frameworks) && frameworks.ValueKind == JsonValueKind.Object)
            {
                foreach (var framework in frameworks.EnumerateObject().Where(f => f.Value.ValueKind == JsonValueKind.Object))
                {
                    foreach (var package in framework.Value.EnumerateObject())
                    {
                        if (package.Value.ValueKind == JsonValueKind.Object && package.Value.TryGetProperty("resolved", out var resolved) &&
                            resolved.GetString() is { Length: > 0 } version)
                        {
                            versions[package.Name] = version;
                        }
                    }
                }
            }
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException)
        {
            // A malformed lock file is TF0201's to report; nothing is pinned from it.
        }

        return versions;
    }
}
