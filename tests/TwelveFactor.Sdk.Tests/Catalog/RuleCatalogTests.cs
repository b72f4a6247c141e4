using System.Text.RegularExpressions;
using TwelveFactor.Sdk.Catalog;
using TwelveFactor.Sdk.Testing;

namespace TwelveFactor.Sdk.Tests.Catalog;

/// <summary>The catalogue, the docs pages, the README's rule table and the targets agree.</summary>
public class RuleCatalogTests
{
    private static readonly IReadOnlyList<Rule> Rules = RuleCatalog.All.ToList();

    [Fact]
    public void Every_id_has_the_TFxxyy_form_and_its_factor_matches_the_digits()
    {
        Assert.NotEmpty(Rules);
        foreach (var rule in Rules)
        {
            Assert.Matches(@"^TF\d{4}$", rule.Id);
            Assert.Equal(int.Parse(rule.Id.Substring(2, 2)), rule.Factor);
            Assert.InRange(rule.Factor, 0, 12);
        }
    }

    [Fact]
    public void Every_rule_has_title_message_fix_and_reason()
    {
        foreach (var rule in Rules)
        {
            Assert.False(string.IsNullOrWhiteSpace(rule.Title), rule.Id);
            Assert.False(string.IsNullOrWhiteSpace(rule.MessageFormat), rule.Id);
            Assert.False(string.IsNullOrWhiteSpace(rule.Fix), rule.Id);
            Assert.False(string.IsNullOrWhiteSpace(rule.Why), rule.Id);
            Assert.NotEqual(RuleSeverity.None, rule.DefaultSeverity);
        }
    }

    [Fact]
    public void Every_id_named_in_code_is_in_the_catalogue_and_every_rule_is_named()
    {
        var named = typeof(RuleIds).GetFields().Select(f => (string)f.GetValue(null)!).ToList();
        Assert.Equal(named.Count, named.Distinct().Count());
        Assert.Equal(Rules.Select(r => r.Id).OrderBy(x => x), named.OrderBy(x => x));
    }

    [Fact]
    public void Every_rule_has_a_docs_page_with_its_title_and_every_page_has_a_rule()
    {
        var docs = Path.Combine(RepositoryLayout.Root, "docs", "rules");
        foreach (var rule in Rules)
        {
            var page = Path.Combine(docs, rule.Id + ".md");
            Assert.True(File.Exists(page), "missing " + page);
            var heading = File.ReadLines(page).First();
            Assert.Equal($"# {rule.Id}: {rule.Title}", heading);
            var text = File.ReadAllText(page);
            Assert.Contains("## How to fix", text);
            Assert.Contains("## How to suppress", text);
        }

        var pages = Directory.GetFiles(docs, "TF*.md").Select(Path.GetFileNameWithoutExtension);
        Assert.Equal(Rules.Select(r => r.Id).OrderBy(x => x), pages.OrderBy(x => x));
    }

    [Fact]
    public void The_README_rule_table_lists_every_rule_with_its_title_factor_and_severity()
    {
        var readme = File.ReadAllLines(Path.Combine(RepositoryLayout.Root, "README.md"));
        var rows = readme
            .Select(line => Regex.Match(line, @"^\|\s*\[(?<id>TF\d{4})\]\(docs/rules/\k<id>\.md\)\s*\|\s*(?<factor>[^|]*?)\s*\|\s*(?<title>[^|]*?)\s*\|\s*(?<severity>[^|]*?)\s*\|"))
            .Where(m => m.Success)
            .ToDictionary(m => m.Groups["id"].Value);
        Assert.Equal(Rules.Select(r => r.Id).OrderBy(x => x), rows.Keys.OrderBy(x => x));
        foreach (var rule in Rules)
        {
            var row = rows[rule.Id];
            Assert.Equal(rule.Title, row.Groups["title"].Value);
            Assert.Equal(rule.DefaultSeverity.ToString().ToLowerInvariant(), row.Groups["severity"].Value);
            Assert.Equal(rule.IsEngineDiagnostic ? "engine" : Factors.Roman(rule.Factor), row.Groups["factor"].Value);
        }
    }

    [Fact]
    public void The_targets_list_every_id_for_audit_mode()
    {
        var props = File.ReadAllText(Path.Combine(RepositoryLayout.Root, "sdk", "TwelveFactor.Sdk", "targets", "TwelveFactor.RuleIds.props"));
        var ids = Regex.Match(props, "<TwelveFactorRuleIds>(.*)</TwelveFactorRuleIds>").Groups[1].Value.Split(';');
        Assert.Equal(Rules.Select(r => r.Id).OrderBy(x => x), ids.OrderBy(x => x));
    }

    [Fact]
    public void The_full_message_says_what_what_to_do_and_which_factor()
    {
        var rule = RuleCatalog.Get(RuleIds.FloatingVersion);
        var message = rule.FormatMessage("PackageReference", "Serilog", "4.*");
        Assert.StartsWith("PackageReference 'Serilog' has the floating or open-ended version '4.*'. ", message);
        Assert.Contains(rule.Fix, message);
        Assert.Contains("Factor II (Dependencies): ", message);
        Assert.EndsWith("docs/rules/TF0202.md", rule.HelpLink);
    }
}
