using TwelveFactor.Sdk.Reading;

namespace TwelveFactor.Sdk.Fixing;

/// <summary>
/// Places in a JSON config file's text, found from the line and column <see cref="ConfigJson"/> reports for a
/// value, so that a fix can change one value and leave comments, trailing commas and indentation as they are.
/// </summary>
public static class JsonText
{
    /// <summary>The offset and length of the string token (quotes included) that starts at a 1-based line and column, or null.</summary>
    public static (int Start, int Length)? StringAt(string text, int line, int column)
    {
        var start = TextEdit.OffsetOf(text, line, column);
        if (start < 0 || start >= text.Length || text[start] != '"')
        {
            return null;
        }

        for (var i = start + 1; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '\\':
                    i++;
                    break;
                case '"':
                    return (start, i - start + 1);
                case '\n':
                    return null;
            }
        }

        return null;
    }

    /// <summary>The string value of a setting, by its key path, nearest to a line (a key set twice is edited where the finding is).</summary>
    public static ConfigEntry? StringSetting(ConfigJson json, string path, int nearLine) =>
        json.Entries.Where(e => e.Kind == ConfigValueKind.String && e.Path.Equals(path, StringComparison.Ordinal))
            .OrderBy(e => Math.Abs(e.Line - nearLine))
            .FirstOrDefault();
}
