using TwelveFactor.Sdk.Catalog;
using TwelveFactor.Sdk.Testing;

namespace TwelveFactor.Sdk.Tests.Catalog;

/// <summary>
/// The README's rule table, the targets' list of ids and every docs page say what the catalogue says. After
/// adding or changing a rule, `TWELVEFACTOR_UPDATE_CATALOG=1 dotnet test tests/TwelveFactor.Sdk.Tests --filter
/// Catalog` writes the table, the list and a page for a new rule; the tests then compare.
/// </summary>
public class CatalogDocumentsTests
{
    private static readonly IReadOnlyList<Rule> Rules = RuleCatalog.All.ToList();

    private static readonly bool Update = Environment.GetEnvironmentVariable("TWELVEFACTOR_UPDATE_CATALOG") == "1";

    private static string Docs => Path.Combine(RepositoryLayout.Root, "docs", "rules");

    [Fact]
    public void The_README_rule_table_is_the_one_made_from_the_catalogue()
    {
        var path = Path.Combine(RepositoryLayout.Root, "README.md");
        var readme = File.ReadAllText(path);
        var expected = CatalogDocuments.WithReadmeTable(readme, Rules);
        if (Update && expected != readme)
        {
            File.WriteAllText(path, expected);
            readme = expected;
        }

        Assert.Equal(expected, readme);
    }

    [Fact]
    public void The_targets_list_of_ids_is_the_one_made_from_the_catalogue()
    {
        var path = Path.Combine(RepositoryLayout.Root, "sdk", "TwelveFactor.Sdk", "targets", "TwelveFactor.RuleIds.props");
        var expected = CatalogDocuments.RuleIdsProps(Rules);
        if (Update)
        {
            File.WriteAllText(path, expected);
        }

        Assert.Equal(expected, File.ReadAllText(path).Replace("\r\n", "\n"));
    }

    [Fact]
    public void Every_docs_page_gives_the_catalogue_title_factor_severity_fix_and_reason()
    {
        var drifted = new List<string>();
        foreach (var rule in Rules)
        {
            var path = Path.Combine(Docs, rule.Id + ".md");
            if (Update && !File.Exists(path))
            {
                File.WriteAllText(path, CatalogDocuments.NewPage(rule));
            }

            var page = File.ReadAllText(path).Replace("\r\n", "\n");
            void Expect(string part, string? actual, string expected)
            {
                if (actual != expected)
                {
                    drifted.Add(rule.Id + " " + part + ": the page says '" + actual + "', the catalogue '" + expected + "'");
                }
            }

            Expect("title", page.Split('\n')[0], "# " + rule.Id + ": " + rule.Title);
            Expect("facts", page.Contains(CatalogDocuments.PageFacts(rule)) ? CatalogDocuments.PageFacts(rule) : "(no matching factor and severity table)", CatalogDocuments.PageFacts(rule));
            Expect("why", CatalogDocuments.FirstParagraph(page, "Why"), rule.Why);
            Expect("fix", CatalogDocuments.FirstParagraph(page, "How to fix"), rule.Fix);
        }

        Assert.Empty(drifted);
    }

    [Fact]
    public void A_drifted_page_is_noticed()
    {
        var rule = RuleCatalog.FloatingVersion;
        var page = CatalogDocuments.NewPage(rule).Replace(rule.Fix, "Pin it.\n\n" + rule.Fix);

        Assert.Equal(rule.Why, CatalogDocuments.FirstParagraph(CatalogDocuments.NewPage(rule), "Why"));
        Assert.Equal(rule.Fix, CatalogDocuments.FirstParagraph(CatalogDocuments.NewPage(rule), "How to fix"));
        Assert.Equal("Pin it.", CatalogDocuments.FirstParagraph(page, "How to fix"));
    }
}
