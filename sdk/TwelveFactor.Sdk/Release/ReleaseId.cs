using System.Text;

namespace TwelveFactor.Sdk.Release;

/// <summary>
/// The release id: unique and immutable, so it names one image for good. By default the version and the short
/// commit (1.2.0-3f2a9c1), marked -dirty when a dirty tree was explicitly allowed; TwelveFactorReleaseId
/// overrides it (a CI build number, say). It is used as an image tag, so it is kept to the tag grammar.
/// </summary>
public static class ReleaseId
{
    public const int ShortCommitLength = 7;

    /// <summary>The OCI distribution spec's tag grammar: [A-Za-z0-9_][A-Za-z0-9._-]{0,127}.</summary>
    public const int MaxTagLength = 128;

    public static string Default(string version, string? commit, bool dirty)
    {
        var id = string.IsNullOrWhiteSpace(version) ? "0.0.0" : version.Trim();
        if (!string.IsNullOrEmpty(commit))
        {
            id += "-" + commit!.Substring(0, Math.Min(ShortCommitLength, commit.Length));
        }

        if (dirty)
        {
            id += "-dirty";
        }

        return ToTag(id);
    }

    /// <summary>The id made a valid tag: other characters become '-', a leading '.' or '-' goes, 128 characters at most.</summary>
    public static string ToTag(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Trim())
        {
            builder.Append(IsTagCharacter(c) ? c : '-');
        }

        var tag = builder.ToString().TrimStart('.', '-');
        return tag.Length > MaxTagLength ? tag.Substring(0, MaxTagLength) : tag;
    }

    public static bool IsValidTag(string text) =>
        text.Length is > 0 and <= MaxTagLength && text[0] != '.' && text[0] != '-' && text.All(IsTagCharacter);

    private static bool IsTagCharacter(char c) =>
        c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_' or '.' or '-';
}
