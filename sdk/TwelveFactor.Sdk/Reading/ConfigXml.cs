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
    private static readonly Regex Tag = new(
        @"<(?:[\w.-]+:)?(?<name>[\w.-]+)(?<attributes>(?:\s+[\w.:-]+\s*=\s*(?:""[^""]*""|'[^']*'))*)\s*/?>",
        RegexOptions.CultureInvariant);

    private static readonly Regex AttributePattern = new(
        @"(?:[\w.-]+:)?(?<name>[\w.-]+)\s*=\s*(?:""(?<value>[^""]*)""|'(?<value>[^']*)')",
        RegexOptions.CultureInvariant);

    private static readonly Regex Comment = new(@"<!--.*?-->", RegexOptions.Singleline | RegexOptions.CultureInvariant);

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
    public static ConfigXml Load(string path) => Parse(File.ReadAllText(path));

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
            return new ConfigXml(ScanTags(text), new ConfigFileProblem(ex.LineNumber, ex.LinePosition, ex.Message.Split(new[] { ". " }, StringSplitOptions.None)[0].TrimEnd('.')));
        }
    }

    private static List<ConfigXmlTag> ScanTags(string text)
    {
        // Blank comments out but keep their line breaks, so that positions stay true and commented-out
        // elements are not read as live ones.
        var visible = Comment.Replace(text, m => Regex.Replace(m.Value, @"[^\n]", " "));
        var tags = new List<ConfigXmlTag>();
        foreach (Match match in Tag.Matches(visible))
        {
            var attributes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (Match attribute in AttributePattern.Matches(match.Groups["attributes"].Value))
            {
                attributes[attribute.Groups["name"].Value] = System.Net.WebUtility.HtmlDecode(attribute.Groups["value"].Value);
            }

            var line = 1 + visible.Take(match.Index).Count(c => c == '\n');
            var lineStart = visible.LastIndexOf('\n', Math.Max(0, match.Index - 1)) + 1;
            tags.Add(new ConfigXmlTag(match.Groups["name"].Value, attributes, line, match.Index - lineStart + 1));
        }

        return tags;
    }
}
