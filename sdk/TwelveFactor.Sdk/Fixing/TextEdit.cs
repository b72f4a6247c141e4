namespace TwelveFactor.Sdk.Fixing;

/// <summary>
/// One replacement in a file's text: everything outside [Start, Start + Length) is kept as it is, byte for byte
/// (indentation, comments, attribute order, line endings).
/// </summary>
public sealed record TextEdit(int Start, int Length, string Replacement)
{
    /// <summary>The text with the edits applied (they must not overlap).</summary>
    public static string Apply(string text, IEnumerable<TextEdit> edits)
    {
        var result = new System.Text.StringBuilder(text.Length);
        var at = 0;
        foreach (var edit in edits.OrderBy(e => e.Start))
        {
            if (edit.Start < at)
            {
                continue; // overlapping: the first edit of a place wins
            }

            result.Append(text, at, edit.Start - at).Append(edit.Replacement);
            at = edit.Start + edit.Length;
        }

        return result.Append(text, at, text.Length - at).ToString();
    }

    /// <summary>The offset of a 1-based line and column (line endings \n, \r\n or \r), or -1 beyond the text.</summary>
    public static int OffsetOf(string text, int line, int column)
    {
        var offset = 0;
        for (var current = 1; current < line; current++)
        {
            var next = text.IndexOfAny(new[] { '\n', '\r' }, offset);
            if (next < 0)
            {
                return -1;
            }

            offset = text[next] == '\r' && next + 1 < text.Length && text[next + 1] == '\n' ? next + 2 : next + 1;
        }

        var result = offset + Math.Max(column, 1) - 1;
        return result <= text.Length ? result : -1;
    }
}
