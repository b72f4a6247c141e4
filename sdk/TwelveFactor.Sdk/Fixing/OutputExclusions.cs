using System.Security;
using System.Text;
using TwelveFactor.Sdk.Policy;

namespace TwelveFactor.Sdk.Fixing;

/// <summary>
/// Keeps a file the project copies to its outputs out of them (TF0302, TF0304): an Update item with
/// CopyToOutputDirectory and/or CopyToPublishDirectory set to Never, for the item that carries the file, whether
/// the project declares it or the SDK adds it by default. The file itself stays in the repository.
/// </summary>
public static class OutputExclusions
{
    /// <summary>What to keep out for a finding whose second argument says where the file goes ("build", "publish", "build and publish").</summary>
    public static FixPlan Plan(Finding finding, string text, FixContext context)
    {
        var outputs = finding.Arguments.Count > 1 ? finding.Arguments[1] : "build and publish";
        var (fromBuild, fromPublish) = (outputs.Contains("build", StringComparison.Ordinal), outputs.Contains("publish", StringComparison.Ordinal));
        string? itemType, include;
        if (finding.Line > 0)
        {
            // The project (or an import of its own) declares the item: the same item, by the same spec.
            var tag = XmlStartTag.At(text, finding.Line, finding.Column);
            itemType = tag is null ? null : ElementName(tag);
            include = tag?.AttributeValue("Include") ?? tag?.AttributeValue("Update");
        }
        else
        {
            itemType = context.OutputItemTypes.TryGetValue(finding.File, out var type) ? type : null;
            include = context.ProjectFile.Length == 0 ? null : Path.GetRelativePath(Path.GetDirectoryName(context.ProjectFile)!, finding.File);
        }

        var where = fromBuild && fromPublish ? "the build and publish outputs" : fromPublish ? "the publish output" : "the build output";
        if (itemType is null || include is null || include.IndexOfAny(new[] { '*', ';', '$', '@' }) >= 0)
        {
            return FixPlan.NeedsPerson($"keep {Path.GetFileName(finding.File)} out of {where} (CopyToOutputDirectory/CopyToPublishDirectory Never) where its item is declared");
        }

        return new FixPlan(null, $"{include} kept out of {where} by a {itemType} Update item in the project; the file stays in the repository")
        {
            KeepOut = new OutputExclusion(itemType, include, fromBuild, fromPublish),
        };
    }

    /// <summary>The edit that adds one ItemGroup with an Update item per exclusion before &lt;/Project&gt;, indented as the project's elements.</summary>
    public static TextEdit? Add(string projectText, IEnumerable<OutputExclusion> exclusions)
    {
        var close = projectText.LastIndexOf("</Project>", StringComparison.Ordinal);
        if (close < 0 || projectText.LastIndexOf('\n', Math.Max(close - 1, 0)) is var lineEnd && projectText.Substring(lineEnd + 1, close - lineEnd - 1).Trim().Length > 0)
        {
            return null;
        }

        var newline = projectText.Contains("\r\n") ? "\r\n" : "\n";
        var indent = IndentOfFirstChild(projectText) ?? "  ";
        var group = new StringBuilder().Append(indent).Append("<ItemGroup>").Append(newline);
        foreach (var exclusion in exclusions)
        {
            group.Append(indent).Append(indent).Append('<').Append(exclusion.ItemType).Append(" Update=\"").Append(SecurityElement.Escape(exclusion.Include)).Append('"');
            if (exclusion.FromBuild)
            {
                group.Append(" CopyToOutputDirectory=\"Never\"");
            }

            if (exclusion.FromPublish)
            {
                group.Append(" CopyToPublishDirectory=\"Never\"");
            }

            group.Append(" />").Append(newline);
        }

        group.Append(indent).Append("</ItemGroup>").Append(newline);
        return new TextEdit(lineEnd + 1, 0, group.ToString());
    }

    private static string ElementName(XmlStartTag tag)
    {
        var name = new string(tag.Text.Skip(tag.Start + 1).TakeWhile(c => !char.IsWhiteSpace(c) && c is not '/' and not '>').ToArray());
        return name;
    }

    /// <summary>The white space before the first element inside &lt;Project&gt;.</summary>
    private static string? IndentOfFirstChild(string projectText)
    {
        var project = projectText.IndexOf("<Project", StringComparison.Ordinal);
        var end = project < 0 ? -1 : projectText.IndexOf('>', project);
        var next = end < 0 ? -1 : projectText.IndexOf('<', end);
        if (next < 0)
        {
            return null;
        }

        var lineStart = projectText.LastIndexOf('\n', next) + 1;
        var indent = projectText.Substring(lineStart, next - lineStart);
        return indent.Length > 0 && indent.All(c => c is ' ' or '\t') ? indent : null;
    }
}
