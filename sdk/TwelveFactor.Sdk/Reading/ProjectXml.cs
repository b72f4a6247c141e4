using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using TwelveFactor.Sdk.Policy;

namespace TwelveFactor.Sdk.Reading;

/// <summary>
/// Finds where an item or property is written in an MSBuild file, so that a finding names the line a user
/// edits. MSBuild's evaluated items say which file defined them (DefiningProjectFullPath) but not the line.
/// </summary>
public static class ProjectXml
{
    private static readonly ConcurrentDictionary<string, (DateTime Stamp, XDocument? Document)> Cache = new(StringComparer.Ordinal);

    /// <summary>The element that includes (or updates) <paramref name="identity"/> as an item of the type.</summary>
    public static XmlElementLocation? FindItem(string file, string itemType, string identity) =>
        FindItems(file, itemType, identity).LastOrDefault();

    /// <summary>
    /// Every element that names <paramref name="identity"/> as an item of the type, in document order: those
    /// that name it literally, or else those whose wildcard matches it. The last one wins in MSBuild (a later
    /// Update overrides an earlier Include); a caller that knows which declaration it means picks among them.
    /// </summary>
    public static IReadOnlyList<XmlElementLocation> FindItems(string file, string itemType, string identity)
    {
        var document = Load(file);
        if (document is null)
        {
            return Array.Empty<XmlElementLocation>();
        }

        var matches = new List<XElement>();
        var globMatches = new List<XElement>();
        var normalizedIdentity = identity.Replace('\\', '/');
        foreach (var element in document.Descendants().Where(e => e.Name.LocalName == itemType))
        {
            var include = (string?)element.Attribute("Include") ?? (string?)element.Attribute("Update") ?? "";
            var parts = include.Split(';').Select(part => part.Trim().Replace('\\', '/')).ToList();
            if (parts.Any(part => part.Equals(normalizedIdentity, StringComparison.OrdinalIgnoreCase)))
            {
                matches.Add(element);
            }
            else if (parts.Any(part => part.IndexOfAny(new[] { '*', '?' }) >= 0 && GlobMatches(part, normalizedIdentity)))
            {
                globMatches.Add(element);
            }
        }

        return (matches.Count > 0 ? matches : globMatches).Select(e => Locate(file, e)).ToList();
    }

    /// <summary>The first item of the type, whatever it includes.</summary>
    public static XmlElementLocation? FindFirstItem(string file, string itemType)
    {
        var match = Load(file)?.Descendants().FirstOrDefault(e => e.Name.LocalName == itemType && e.Parent?.Name.LocalName == "ItemGroup");
        return match is null ? null : Locate(file, match);
    }

    private static readonly ConcurrentDictionary<string, Regex> Globs = new(StringComparer.Ordinal);

    /// <summary>
    /// MSBuild's wildcards: ** any folders, * any name part, ? one character; case-insensitive. Matched without
    /// backtracking: each "**/" is an optional group, and a glob with many of them must not cost exponential time.
    /// </summary>
    public static bool GlobMatches(string glob, string path)
    {
        var regex = Globs.GetOrAdd(glob, g => new Regex(
            "^" + Regex.Escape(g)
                .Replace(@"\*\*/", "(?:.*/)?")
                .Replace(@"\*\*", ".*")
                .Replace(@"\*", "[^/]*")
                .Replace(@"\?", "[^/]") + "$",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking));
        return regex.IsMatch(path);
    }

    /// <summary>The last element that sets the property (MSBuild's last definition wins).</summary>
    public static XmlElementLocation? FindProperty(string file, string propertyName)
    {
        var document = Load(file);
        var match = document?.Descendants()
            .Where(e => e.Name.LocalName == propertyName && e.Parent?.Name.LocalName == "PropertyGroup")
            .LastOrDefault();
        return match is null ? null : Locate(file, match);
    }

    private static XmlElementLocation Locate(string file, XElement element)
    {
        var info = (IXmlLineInfo)element;
        var line = info.HasLineInfo() ? info.LineNumber : 0;
        // LinePosition points at the element name; the user sees the element start at its '<'.
        var column = info.HasLineInfo() ? Math.Max(1, info.LinePosition - 1) : 0;
        return new XmlElementLocation(new SourceLocation(file, line, column), element);
    }

    private static XDocument? Load(string file)
    {
        if (string.IsNullOrEmpty(file) || !File.Exists(file))
        {
            return null;
        }

        var stamp = File.GetLastWriteTimeUtc(file);
        if (Cache.TryGetValue(file, out var cached) && cached.Stamp == stamp)
        {
            return cached.Document;
        }

        XDocument? document;
        try
        {
            document = XDocument.Load(file, LoadOptions.SetLineInfo);
        }
        catch (Exception ex) when (ex is XmlException or IOException or UnauthorizedAccessException)
        {
            // MSBuild has already read this file; if we cannot, the finding just goes without a line.
            document = null;
        }

        Cache[file] = (stamp, document);
        return document;
    }
}

public sealed record XmlElementLocation(SourceLocation Location, XElement Element)
{
    /// <summary>The attribute's text as written (or the child element's), before MSBuild expands it.</summary>
    public string? RawValue(string name) =>
        (string?)Element.Attribute(name) ?? Element.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value;
}
