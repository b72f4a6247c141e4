using System.Text.RegularExpressions;

namespace TwelveFactor.Sdk.Fixing;

/// <summary>
/// The raw text of one XML element in a project file, found from the position the engine reports for it, so that
/// a fix can change an attribute value or the element's text and nothing else.
/// </summary>
public sealed class XmlStartTag
{
    private XmlStartTag(string text, int start, int end)
    {
        Text = text;
        Start = start;
        End = end;
    }

    public string Text { get; }

    /// <summary>Offset of '&lt;'.</summary>
    public int Start { get; }

    /// <summary>Offset just past the start tag's '&gt;'.</summary>
    public int End { get; }

    public bool IsEmptyElement => Text[End - 2] == '/';

    /// <summary>The start tag of the element at (or just after the '&lt;' before) a 1-based line and column.</summary>
    public static XmlStartTag? At(string text, int line, int column)
    {
        var offset = TextEdit.OffsetOf(text, line, column);
        return offset < 0 ? null : AtOffset(text, offset);
    }

    /// <summary>The start tag of the element whose '&lt;' is at <paramref name="offset"/>, or the last one before it.</summary>
    public static XmlStartTag? AtOffset(string text, int offset)
    {
        var start = offset < text.Length && text[offset] == '<' ? offset : text.LastIndexOf('<', Math.Max(offset - 1, 0));
        if (start < 0)
        {
            return null;
        }

        char? quote = null;
        for (var i = start + 1; i < text.Length; i++)
        {
            var c = text[i];
            if (quote is not null)
            {
                quote = c == quote ? null : quote;
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == '>')
            {
                return new XmlStartTag(text, start, i + 1);
            }
        }

        return null;
    }

    /// <summary>The edit that sets an attribute's value in place, or null when the tag has no such attribute.</summary>
    public TextEdit? SetAttribute(string name, string value) =>
        Attribute(name) is { Success: true } match ? new TextEdit(match.Groups["value"].Index, match.Groups["value"].Length, value) : null;

    public string? AttributeValue(string name) => Attribute(name) is { Success: true } match ? match.Groups["value"].Value : null;

    private Match Attribute(string name) =>
        new Regex(@"\s" + Regex.Escape(name) + @"\s*=\s*(?:""(?<value>[^""]*)""|'(?<value>[^']*)')", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)
            .Match(Text, Start, End - Start);

    /// <summary>The element's text (between the start and end tags) when it holds no markup.</summary>
    public (int Start, int Length, string Value)? Content()
    {
        if (IsEmptyElement)
        {
            return null;
        }

        var close = Text.IndexOf('<', End);
        return close < 0 || close + 1 >= Text.Length || Text[close + 1] != '/' ? null : (End, close - End, Text.Substring(End, close - End));
    }

    /// <summary>The element's text without the white space around it, or null when it holds markup or nothing.</summary>
    public string? TrimmedContent() => Content() is { } content && content.Value.Trim().Length > 0 ? content.Value.Trim() : null;

    /// <summary>The edit that replaces the element's text (the white space around it kept), or null when it holds markup or nothing.</summary>
    public TextEdit? SetContent(string value)
    {
        if (Content() is not { } content || content.Value.Trim().Length == 0)
        {
            return null;
        }

        var trimmed = content.Value.Trim();
        return new TextEdit(content.Start + content.Value.IndexOf(trimmed, StringComparison.Ordinal), trimmed.Length, value);
    }

    /// <summary>Every element named <paramref name="name"/> in a file's text (a property, in a project file), in order.</summary>
    public static IEnumerable<XmlStartTag> Named(string text, string name)
    {
        for (var at = text.IndexOf("<" + name, StringComparison.Ordinal); at >= 0; at = text.IndexOf("<" + name, at + 1, StringComparison.Ordinal))
        {
            var after = at + name.Length + 1;
            if (after < text.Length && (text[after] is '>' or '/' || char.IsWhiteSpace(text[after])) && AtOffset(text, at) is { } tag)
            {
                yield return tag;
            }
        }
    }
}
