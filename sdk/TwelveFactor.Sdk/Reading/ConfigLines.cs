using System.Text.RegularExpressions;

namespace TwelveFactor.Sdk.Reading;

/// <summary>
/// Reads keys and values line by line: the way XML (well-formed or not), YAML, .env/.ini/.properties files are
/// scanned. A line no key can be read from is kept whole under an empty key,
/// so that what the patterns look for is found anywhere in the file. The patterns run without backtracking,
/// so a line costs time linear in its length whatever it holds.
/// </summary>
public static partial class ConfigLines
{
    private static readonly Regex XmlAttribute = XmlAttributePattern();

    private static readonly Regex XmlElementText = XmlElementTextPattern();

    // Values run to the end of the line (greedy, so that no line backtracks); Add trims what trails them.
    private static readonly Regex YamlPair = YamlPairPattern();

    private static readonly Regex KeyValuePair = KeyValuePairPattern();

    private static readonly Regex IniSection = IniSectionPattern();

    public static IReadOnlyList<ConfigEntry> Read(string text, ConfigFormat format)
    {
        var values = new List<ConfigEntry>();
        var yamlPath = new List<(int Indent, string Key)>();
        var section = "";
        foreach (var (lineNumber, line) in TextLines.Of(text))
        {
            var before = values.Count;
            if (line.Trim().Length > 0)
            {
                switch (format)
                {
                    case ConfigFormat.Xml:
                        ReadXmlLine(line, lineNumber, values);
                        break;
                    case ConfigFormat.Yaml:
                        ReadYamlLine(line, lineNumber, yamlPath, values);
                        break;
                    default:
                        section = ReadKeyValueLine(line, lineNumber, section, values);
                        break;
                }

                if (values.Count == before)
                {
                    values.Add(Entry("", line, lineNumber, 1));
                }
            }
        }

        return values;
    }

    private static void ReadXmlLine(string line, int lineNumber, List<ConfigEntry> values)
    {
        var attributes = XmlAttribute.Matches(line);
        // <add key="Name" value="..."/> and <add name="Db" connectionString="..."/>: the value is named by the other attribute.
        string? named = null;
        foreach (Match attribute in attributes)
        {
            var key = attribute.Groups["key"].Value;
            if (key.Equals("key", StringComparison.OrdinalIgnoreCase) || key.Equals("name", StringComparison.OrdinalIgnoreCase))
            {
                named = attribute.Groups["value"].Value;
            }
        }

        foreach (Match attribute in attributes)
        {
            var key = attribute.Groups["key"].Value;
            if (key.Equals("key", StringComparison.OrdinalIgnoreCase) || key.Equals("name", StringComparison.OrdinalIgnoreCase) ||
                key.StartsWith("xmlns", StringComparison.Ordinal))
            {
                continue;
            }

            var useName = named is not null && (key.Equals("value", StringComparison.OrdinalIgnoreCase) || key.Equals("connectionString", StringComparison.OrdinalIgnoreCase));
            Add(values, useName ? named! : key, attribute.Groups["value"], lineNumber, xmlText: true);
        }

        foreach (Match element in XmlElementText.Matches(line))
        {
            if (element.Groups["close"].Value != element.Groups["key"].Value)
            {
                continue;
            }

            Add(values, element.Groups["key"].Value, element.Groups["value"], lineNumber, xmlText: true);
        }
    }

    private static void ReadYamlLine(string line, int lineNumber, List<(int Indent, string Key)> path, List<ConfigEntry> values)
    {
        var trimmed = line.TrimStart();
        if (trimmed.StartsWith("#", StringComparison.Ordinal))
        {
            return;
        }

        var match = YamlPair.Match(line);
        if (!match.Success)
        {
            return;
        }

        var indent = match.Groups["indent"].Length;
        while (path.Count > 0 && path[path.Count - 1].Indent >= indent)
        {
            path.RemoveAt(path.Count - 1);
        }

        var key = match.Groups["key"].Value.Trim('"', '\'');
        var value = match.Groups["value"];
        if (!value.Success || value.Value.Trim() is "" or "|" or ">" or "|-" or ">-")
        {
            path.Add((indent, key));
            return;
        }

        var fullKey = string.Join(":", path.Select(p => p.Key).Append(key));
        Add(values, fullKey, value, lineNumber, stripComment: true);
    }

    private static string ReadKeyValueLine(string line, int lineNumber, string section, List<ConfigEntry> values)
    {
        var trimmed = line.TrimStart();
        if (trimmed.StartsWith("#", StringComparison.Ordinal) || trimmed.StartsWith(";", StringComparison.Ordinal) ||
            trimmed.StartsWith("!", StringComparison.Ordinal))
        {
            return section;
        }

        var header = IniSection.Match(line);
        if (header.Success)
        {
            return header.Groups["name"].Value.Trim().Replace('.', ':');
        }

        var match = KeyValuePair.Match(line);
        if (match.Success)
        {
            var key = match.Groups["key"].Value;
            Add(values, section.Length == 0 ? key : section + ":" + key, match.Groups["value"], lineNumber, stripComment: true);
        }

        return section;
    }

    /// <summary>Adds a value, without the quotes around it and, where the format has them, a trailing comment.</summary>
    /// <param name="xmlText">An XML attribute value or element text: its entities are decoded (&amp;lt;your-key&amp;gt; is &lt;your-key&gt;), as
    /// the well-formed reader decodes them; a column after an entity is then approximate.</param>
    private static void Add(List<ConfigEntry> values, string key, Group group, int lineNumber, bool stripComment = false, bool xmlText = false)
    {
        var text = group.Value.TrimEnd();
        var offset = group.Index;
        if (text.Length >= 2 && (text[0] == '"' || text[0] == '\'') )
        {
            var close = text.IndexOf(text[0], 1);
            if (close > 0)
            {
                text = text.Substring(1, close - 1);
                offset++;
            }
        }
        else if (stripComment)
        {
            var comment = text.IndexOf(" #", StringComparison.Ordinal);
            if (comment >= 0)
            {
                text = text.Substring(0, comment).TrimEnd();
            }
        }

        if (xmlText && text.IndexOf('&') >= 0)
        {
            text = System.Net.WebUtility.HtmlDecode(text);
        }

        values.Add(Entry(key, text, lineNumber, offset + 1));
    }

    /// <summary>A value read from a line, unquoted: its text starts at its column.</summary>
    private static ConfigEntry Entry(string key, string text, int line, int column) =>
        new(key, text, ConfigValueKind.String, line, column) { TextColumn = column };

    [GeneratedRegex(@"(?<key>[A-Za-z_][\w:.\-]*)\s*=\s*(?:""(?<value>[^""]*)""|'(?<value>[^']*)')", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex XmlAttributePattern();

    // The closing tag is compared with the opening one in code: a backreference would rule out NonBacktracking.
    [GeneratedRegex(@"<(?<key>[A-Za-z_][\w:.\-]*)(?:\s[^>]*)?>(?<value>[^<]+)</(?<close>[A-Za-z_][\w:.\-]*)\s*>", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex XmlElementTextPattern();

    [GeneratedRegex(@"^(?<indent>[ \t]*)(?:-[ \t]+)?(?<key>[""']?[\w.\-/$]+[""']?)[ \t]*:(?:[ \t]+(?<value>.*))?$", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex YamlPairPattern();

    [GeneratedRegex(@"^[ \t]*(?:export[ \t]+)?(?<key>[\w.\-/$]+)[ \t]*[=:][ \t]*(?<value>.*)$", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex KeyValuePairPattern();

    [GeneratedRegex(@"^\s*\[(?<name>[^\]]+)\]\s*$", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex IniSectionPattern();
}
