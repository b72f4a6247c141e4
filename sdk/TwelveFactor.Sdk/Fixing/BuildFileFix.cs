using TwelveFactor.Sdk.Policy;

namespace TwelveFactor.Sdk.Fixing;

/// <summary>The safe fix of one kind of build-file finding: an edit of the file the finding is in, or why a person is needed.</summary>
public interface IBuildFileFix
{
    string RuleId { get; }

    FixPlan Plan(Finding finding, string text, FixContext context);
}

/// <summary>What a fix will do: the edit and a line for the summary, or (no edit) why a person must decide.</summary>
public sealed record FixPlan(TextEdit? Edit, string Summary)
{
    public static FixPlan NeedsPerson(string why) => new(null, why);
}

/// <summary>What fixes may consult besides the file: the versions the project's lock file resolved.</summary>
public sealed class FixContext
{
    public FixContext(IReadOnlyDictionary<string, string> lockedVersions) => LockedVersions = lockedVersions;

    /// <summary>Package id (case-insensitive) → the version restore resolved.</summary>
    public IReadOnlyDictionary<string, string> LockedVersions { get; }
}
