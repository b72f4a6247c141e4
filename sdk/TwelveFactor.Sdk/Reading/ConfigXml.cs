using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using TwelveFactor.Sdk.Policy;

namespace TwelveFactor.Sdk.Reading;

/// <summary>An element of an XML config file: its local name, attributes by local name, and where it starts.</summary>
public sealed record ConfigXmlTag(string Name, IReadOnlyDictionary<string, string> Attributes, int Line, int Column)
{
    public string Attribute(string localName) => Attributes.TryGetValue(localName, out var value) ? value : "";

    public SourceLocation LocationIn(string file) => new(file, Line, Column);
}

/// <summary>
/// Reads the elements of an XML config file (web.config, nlog.config, log4net.config) with their positions.
/// A file that is not well-formed is still read, tag by tag with comments blanked out, and <see cref="Problem"/>
/// says where it broke (the caller reports TF0004).
/// </summary>
public sealed class ConfigXml
{
    // NonBacktracking: a malformed file is read in time linear in its size, whatever it holds.
    private static readonly Regex Tag = new(
        @"<(?:[\w.-]+:)?(?<name>[\w.-]+)(?<attributes>(?:\s+[\w.:-]+\s*=\s*(?:""[^""]*""|'[^']*'))*)\s*/?>",
        RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);

    private static readonly Regex AttributePattern = new(
        @"(?:[\w.-]+:)?(?<name>[\w.-]+)\s*=\s*(?:""(?<value>[^""]*)""|'(?<value>[^']*)')",
        RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);

    private ConfigXml(IReadOnlyList<ConfigXmlTag> tags, ConfigFileProblem? problem)
    {
        Tags = tags;
        Problem = problem;
    }

    /// <summary>Every element in document order.</summary>
    public IReadOnlyList<ConfigXmlTag> Tags { get; }

    public ConfigFileProblem? Problem { get; }

    public IEnumerable<ConfigXmlTag> Elements(string localName) =>
        Tags.Where(t => t.Name.Equals(localName, StringComparison.OrdinalIgnoreCase));

    /// <summary>Reads a file; IO errors are left to the caller (TF0003).</summary>
    public static ConfigXml Load(string path) => Parse(InputFile.ReadText(path));

    public static ConfigXml Parse(string text)
    {
        try
        {
            var document = XDocument.Parse(text, LoadOptions.SetLineInfo);
            var tags = document.Descendants().Select(element =>
            {
                var info = (IXmlLineInfo)element;
                var attributes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                foreach (var attribute in element.Attributes().Where(a => !a.IsNamespaceDeclaration))
                {
                    attributes[attribute.Name.LocalName] = attribute.Value;
                }

                // LinePosition points at the element name; the user sees the element start at its '<'.
                return new ConfigXmlTag(element.Name.LocalName, attributes, info.LineNumber, Math.Max(1, info.LinePosition - 1));
            }).ToList();
            return new ConfigXml(tags, null);
        }
        catch (XmlException ex)
        {
            // The parser's message is not passed on: it quotes the input (the text after an '&' in a password).
            return new ConfigXml(ScanTags(text), new ConfigFileProblem(ex.LineNumber, ex.LinePosition, "the text there is not well-formed XML"));
        }
    }

    private static List<ConfigXmlTag> ScanTags(string text)
    {
        var visible = WithoutComments(text);
        var tags = new List<ConfigXmlTag>();
        var line = 1;
        var lineStart = 0;
        var counted = 0;
        foreach (Match match in Tag.Matches(visible))
        {
            var attributes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (Match attribute in AttributePattern.Matches(match.Groups["attributes"].Value))
            {
                attributes[attribute.Groups["name"].Value] = System.Net.WebUtility.HtmlDecode(attribute.Groups["value"].Value);
            }

            // Lines are counted on from the previous tag, so that the positions cost one pass over the text.
            for (; counted < match.Index; counted++)
            {
                if (visible[counted] == '\n')
                {
                    line++;
                    lineStart = counted + 1;
                }
            }

            tags.Add(new ConfigXmlTag(match.Groups["name"].Value, attributes, line, match.Index - lineStart + 1));
        }

        return tags;
    }

    /// <summary>
    /// The text with comments blanked out but their line breaks kept, so that positions stay true and
    /// commented-out elements are not read as live ones. An unclosed comment runs to the end, as in XML.
    /// </summary>
    private static string WithoutComments(string text)
    {
        var visible = new StringBuilder(text);
        var at = 0;
        while ((at = text.IndexOf("<!--", at, StringComparison.Ordinal)) >= 0)
        {
            var end = text.IndexOf("-->", at + 4, StringComparison.Ordinal);
            end = end < 0 ? text.Length : end + 3;
            for (var i = at; i < end; i++)
            {
                if (visible[i] != '\n')
                {
                    visible[i] = ' ';
                }
            }

            at = end;
        }

        return visible.ToString();
    }
}
