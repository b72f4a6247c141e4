using TwelveFactor.Sdk.Policy;
using TwelveFactor.Sdk.Reading;

namespace TwelveFactor.Sdk.Fixing;

/// <summary>The safe fix of one kind of build-file finding: an edit of the file the finding is in, or why a person is needed.</summary>
public interface IBuildFileFix
{
    string RuleId { get; }

    /// <summary>True when the fix also handles findings about a whole file (no line), such as a file an output copies.</summary>
    bool FixesWholeFiles => false;

    FixPlan Plan(Finding finding, string text, FixContext context);
}

/// <summary>What a fix will do: the edit and a line for the summary, or (no edit) why a person must decide.</summary>
public sealed record FixPlan(TextEdit? Edit, string Summary)
{
    /// <summary>
    /// Settings the edit takes out of a committed file because they hold a secret: the text the edit removes is
    /// never shown, their names are declared in .env.example and their values kept for local runs in the
    /// project's user secrets.
    /// </summary>
    public IReadOnlyList<MovedSetting> MovedSettings { get; init; } = Array.Empty<MovedSetting>();

    /// <summary>The file the edit is in, when it is not the finding's (a property that a version came through).</summary>
    public string? EditedFile { get; init; }

    /// <summary>An item to keep out of the outputs, by an Update item the fixer adds to the project (no edit of its own).</summary>
    public OutputExclusion? KeepOut { get; init; }

    /// <summary>True when the plan changes something: an edit, or an item kept out of the outputs.</summary>
    public bool Fixes => Edit is not null || KeepOut is not null;

    public static FixPlan NeedsPerson(string why) => new(null, why);
}

/// <summary>A setting moved out of a committed config file: its configuration key and the value it held.</summary>
public sealed class MovedSetting
{
    public MovedSetting(string key, string value)
    {
        Key = key;
        Value = value;
    }

    /// <summary>The configuration key, sections joined by ':' (ConnectionStrings:Default).</summary>
    public string Key { get; }

    /// <summary>The secret itself: written only to the user secrets, never logged or shown.</summary>
    public string Value { get; }

    /// <summary>The environment variable .NET configuration reads the key from: ConnectionStrings__Default.</summary>
    public string VariableName => Key.Replace(":", "__");

    public override string ToString() => VariableName;
}

/// <summary>
/// An item the project keeps out of the build output, the publish output or both: written as
/// &lt;ItemType Update="Include" CopyToOutputDirectory="Never" CopyToPublishDirectory="Never" /&gt;.
/// </summary>
public sealed record OutputExclusion(string ItemType, string Include, bool FromBuild, bool FromPublish);

/// <summary>What fixes may consult besides the file: the project, its user secrets id, the versions its lock file resolved and image registries.</summary>
public sealed class FixContext
{
    public FixContext(IReadOnlyDictionary<string, string> lockedVersions, string projectFile = "", string? userSecretsId = null,
        Func<ImageReference, TagLookup>? lookupImage = null, IReadOnlyDictionary<string, string>? outputItemTypes = null)
    {
        OutputItemTypes = outputItemTypes ?? new Dictionary<string, string>();
        LockedVersions = lockedVersions;
        ProjectFile = projectFile;
        UserSecretsId = string.IsNullOrWhiteSpace(userSecretsId) ? null : userSecretsId!.Trim();
        LookupImage = lookupImage ?? (_ => new TagLookup(TagState.Unknown, "no registry was asked"));
    }

    /// <summary>Full path of a file the project copies to an output → its item type (Content, None).</summary>
    public IReadOnlyDictionary<string, string> OutputItemTypes { get; }

    /// <summary>The text of another file a fix consults (null when it does not exist), read once per plan.</summary>
    public Func<string, string?> ReadText { get; private set; } = _ => null;

    /// <summary>Package id (case-insensitive) → the version restore resolved.</summary>
    public IReadOnlyDictionary<string, string> LockedVersions { get; }

    public string ProjectFile { get; }

    /// <summary>$(UserSecretsId), or null when the project has none yet.</summary>
    public string? UserSecretsId { get; }

    /// <summary>This context, reading other files through <paramref name="readText"/>.</summary>
    public FixContext WithReader(Func<string, string?> readText)
    {
        var copy = (FixContext)MemberwiseClone();
        copy.ReadText = readText;
        return copy;
    }

    /// <summary>Asks the image's registry for its tag, and the digest it serves for it.</summary>
    public Func<ImageReference, TagLookup> LookupImage { get; }
}
