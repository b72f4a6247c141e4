using System.Text;
using System.Text.RegularExpressions;
using TwelveFactor.Sdk.Catalog;

namespace TwelveFactor.Sdk.Tests.Catalog;

/// <summary>
/// The files made from the rule catalogue (the README's rule table, the targets' list of ids, a new rule's docs
/// page) and the parts of every docs page that must say what the catalogue says. CatalogDocumentsTests compares
/// them with the repository; with TWELVEFACTOR_UPDATE_CATALOG=1 it writes them instead.
/// </summary>
internal static class CatalogDocuments
{
    public const string TableBegin = "<!-- rules:begin -->";
    public const string TableEnd = "<!-- rules:end -->";

    public static string ReadmeTable(IEnumerable<Rule> rules)
    {
        var text = new StringBuilder();
        text.Append("| Rule | Factor | Title | Default severity |\n|---|---|---|---|\n");
        foreach (var rule in rules)
        {
            text.Append("| [").Append(rule.Id).Append("](docs/rules/").Append(rule.Id).Append(".md) | ")
                .Append(rule.IsEngineDiagnostic ? "engine" : Factors.Roman(rule.Factor)).Append(" | ")
                .Append(rule.Title).Append(" | ").Append(Severity(rule)).Append(" |\n");
        }

        return text.ToString();
    }

    /// <summary>The README with its rule table (between the markers) made from the catalogue.</summary>
    public static string WithReadmeTable(string readme, IEnumerable<Rule> rules)
    {
        var begin = readme.IndexOf(TableBegin, StringComparison.Ordinal);
        var end = readme.IndexOf(TableEnd, StringComparison.Ordinal);
        if (begin < 0 || end < begin)
        {
            throw new InvalidOperationException("README.md has no " + TableBegin + " ... " + TableEnd + " markers.");
        }

        return readme.Substring(0, begin + TableBegin.Length) + "\n" + ReadmeTable(rules) + readme.Substring(end);
    }

    public static string RuleIdsProps(IEnumerable<Rule> rules) =>
        "<Project>\n"
        + "  <!-- Every id the SDK can report, for audit mode; made from the rule catalogue (sdk/TwelveFactor.Sdk/Catalog)\n"
        + "       by the tests in tests/TwelveFactor.Sdk.Tests/Catalog, run with TWELVEFACTOR_UPDATE_CATALOG=1. -->\n"
        + "  <PropertyGroup>\n"
        + "    <TwelveFactorRuleIds>" + string.Join(";", rules.Select(r => r.Id)) + "</TwelveFactorRuleIds>\n"
        + "  </PropertyGroup>\n"
        + "</Project>\n";

    /// <summary>The table at the top of a rule's page: its factor and default severity.</summary>
    public static string PageFacts(Rule rule) =>
        "| | |\n|---|---|\n"
        + "| Factor | " + (rule.IsEngineDiagnostic ? "Engine diagnostic (not a factor)" : "Factor " + Factors.Roman(rule.Factor) + ", " + rule.FactorName) + " |\n"
        + "| Default severity | " + Severity(rule) + " (policy `recommended`) |\n";

    /// <summary>A new rule's page: what the catalogue says, to be completed with what counts and examples.</summary>
    public static string NewPage(Rule rule) =>
        "# " + rule.Id + ": " + rule.Title + "\n\n"
        + PageFacts(rule) + "\n"
        + "## What it reports\n" + Regex.Replace(rule.MessageFormat, @"\{\d+\}", "…").TrimEnd('.') + ".\n\n"
        + "## Why\n" + rule.Why + "\n\n"
        + "## How to fix\n" + rule.Fix + "\n\n"
        + "## How to suppress\n"
        + "- One rule in one project: `<NoWarn>$(NoWarn);" + rule.Id + "</NoWarn>`.\n"
        + "- Keep today's findings and break only on new ones: `dotnet build -t:TwelveFactorBaseline`, then commit\n"
        + "  `TwelveFactor.baseline.json`.\n"
        + "- Report without breaking: `<WarningsNotAsErrors>$(WarningsNotAsErrors);" + rule.Id + "</WarningsNotAsErrors>`, or\n"
        + "  `<TwelveFactorPolicy>audit</TwelveFactorPolicy>` for every rule.\n";

    /// <summary>
    /// The first paragraph under a page's "## name" heading: the catalogue's text, which the build prints; the
    /// paragraphs after it may explain more.
    /// </summary>
    public static string? FirstParagraph(string page, string heading)
    {
        var section = Regex.Match(page.Replace("\r\n", "\n"), "^## " + Regex.Escape(heading) + "\n(?<body>.*?)(?=^## |\\z)", RegexOptions.Multiline | RegexOptions.Singleline);
        return section.Success ? section.Groups["body"].Value.Trim().Split(new[] { "\n\n" }, StringSplitOptions.None)[0].Trim() : null;
    }

    private static string Severity(Rule rule) => rule.DefaultSeverity.ToString().ToLowerInvariant();
}
