using System.Collections;
using System.Globalization;
using System.Resources;

namespace TwelveFactor.Sdk.Rules;

/// <summary>
/// Every rule the SDK reports, read from Rules.resx: one id, factor, default severity, title, message, fix and
/// reason per rule. The build tasks and the analyzer both read this catalogue.
/// </summary>
public static class RuleCatalog
{
    public const string HelpLinkBase = "https://github.com/twelvefactor/TwelveFactor.Sdk/blob/main/docs/rules/";

    private static readonly ResourceManager Resources =
        new ResourceManager("TwelveFactor.Sdk.Rules.Rules", typeof(RuleCatalog).Assembly);

    private static readonly Lazy<IReadOnlyDictionary<string, Rule>> ById = new Lazy<IReadOnlyDictionary<string, Rule>>(Load);

    public static IEnumerable<Rule> All => ById.Value.Values.OrderBy(r => r.Id, StringComparer.Ordinal);

    public static Rule Get(string id) =>
        ById.Value.TryGetValue(id, out var rule) ? rule : throw new ArgumentException("No rule with id " + id, nameof(id));

    public static bool TryGet(string id, out Rule rule)
    {
        if (ById.Value.TryGetValue(id, out var found))
        {
            rule = found;
            return true;
        }

        rule = null!;
        return false;
    }

    /// <summary>What a person should review for a factor (1..12), beyond what the build checks.</summary>
    public static string FactorReview(int factor) =>
        Resources.GetString("Factor" + factor.ToString("00", CultureInfo.InvariantCulture) + "_Review", CultureInfo.InvariantCulture) ?? "";

    private static IReadOnlyDictionary<string, Rule> Load()
    {
        var set = Resources.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: true)
            ?? throw new InvalidOperationException("The rule catalogue resources are missing.");
        var rules = new Dictionary<string, Rule>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in set)
        {
            var key = (string)entry.Key;
            if (!key.EndsWith("_Title", StringComparison.Ordinal))
            {
                continue;
            }

            var id = key.Substring(0, key.Length - "_Title".Length);
            string Text(string part) => set.GetString(id + "_" + part)
                ?? throw new InvalidOperationException("Rule " + id + " has no " + part + " in the catalogue.");
            var severity = (RuleSeverity)Enum.Parse(typeof(RuleSeverity), Text("Severity"), ignoreCase: true);
            rules[id] = new Rule(id, int.Parse(Text("Factor"), CultureInfo.InvariantCulture), severity,
                Text("Title"), Text("Message"), Text("Fix"), Text("Why"), set.GetString(id + "_TradeOff") ?? "");
        }

        return rules;
    }
}
