using System.Text.RegularExpressions;
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

    /// <summary>
    /// The edit that removes a setting whose key and string value stand on a line of their own (a comma and a
    /// comment may follow), line ending included; null when the line holds more. A comma left on the setting
    /// before is a trailing comma, which .NET configuration reads.
    /// </summary>
    public static TextEdit? RemoveSettingLine(string text, ConfigEntry setting)
    {
        if (StringAt(text, setting.Line, setting.Column) is not { } token)
        {
            return null;
        }

        var lineStart = token.Start == 0 ? 0 : text.LastIndexOf('\n', token.Start - 1) + 1;
        var lineEnd = text.IndexOf('\n', token.Start + token.Length);
        var next = lineEnd < 0 ? text.Length : lineEnd + 1;
        var before = text.Substring(lineStart, token.Start - lineStart);
        var after = text.Substring(token.Start + token.Length, (lineEnd < 0 ? text.Length : lineEnd) - token.Start - token.Length).TrimEnd('\r');
        return KeyAlone.IsMatch(before) && RestOfLine.IsMatch(after) ? new TextEdit(lineStart, next - lineStart, "") : null;
    }

    private static readonly Regex KeyAlone = new(@"^[ \t]*""[^""\\]*""[ \t]*:[ \t]*$", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);

    private static readonly Regex RestOfLine = new(@"^[ \t]*,?[ \t]*(//.*|/\*[^*]*\*/[ \t]*)?$", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);
}
