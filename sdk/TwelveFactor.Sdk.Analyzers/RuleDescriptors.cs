using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using TwelveFactor.Sdk.Rules;

namespace TwelveFactor.Sdk.Analyzers;

/// <summary>
/// The analyzer's DiagnosticDescriptors, made from the rule catalogue: the same id, title, full message
/// (found, fix, why), default severity and help link as the build-time rules.
/// </summary>
internal static class RuleDescriptors
{
    /// <summary>The catalogue rules the analyzer reports.</summary>
    public static readonly ImmutableArray<string> AnalyzerRuleIds = ImmutableArray.Create(
        RuleIds.Secret,
        RuleIds.HardCodedBackingService,
        RuleIds.InProcessState,
        RuleIds.HardCodedListenAddress,
        RuleIds.BackgroundWorkerInWeb,
        RuleIds.UngracefulShutdown,
        RuleIds.FileLogging,
        RuleIds.AdminTaskInService);

    private static readonly Regex Placeholder = new Regex(@"\{(\d+)\}", RegexOptions.CultureInvariant);

    private static readonly ImmutableDictionary<string, DiagnosticDescriptor> ById =
        AnalyzerRuleIds.ToImmutableDictionary(id => id, id => Create(RuleCatalog.Get(id)), StringComparer.Ordinal);

    public static ImmutableArray<DiagnosticDescriptor> All { get; } = AnalyzerRuleIds.Select(id => ById[id]).ToImmutableArray();

    public static DiagnosticDescriptor Get(string ruleId) => ById[ruleId];

    public static string Category(Rule rule) => "TwelveFactor.Factor" + rule.Factor.ToString("00", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// The descriptor's default severity. Roslyn lets a DiagnosticSuppressor suppress only diagnostics whose
    /// descriptor does not default to Error, and the baseline must be able to suppress every finding; so an error
    /// rule defaults to Warning here, and the SDK's generated global config (TwelveFactor.Analyzers.targets) raises
    /// it to error under every policy level that makes it one.
    /// </summary>
    public static DiagnosticSeverity Severity(RuleSeverity severity) => severity switch
    {
        RuleSeverity.Error => DiagnosticSeverity.Warning,
        RuleSeverity.Warning => DiagnosticSeverity.Warning,
        RuleSeverity.Suggestion => DiagnosticSeverity.Info,
        _ => DiagnosticSeverity.Hidden,
    };

    private static DiagnosticDescriptor Create(Rule rule) => new DiagnosticDescriptor(
        rule.Id,
        rule.Title,
        MessageFormat(rule),
        Category(rule),
        Severity(rule.DefaultSeverity),
        isEnabledByDefault: rule.DefaultSeverity != RuleSeverity.None,
        description: rule.Why,
        helpLinkUri: rule.HelpLink,
        customTags: "TwelveFactor");

    /// <summary>
    /// The rule's full message with its placeholders kept for Roslyn to fill: formatted with markers, braces in
    /// the fix and reason escaped, markers turned back into {n}.
    /// </summary>
    internal static string MessageFormat(Rule rule)
    {
        var count = Placeholder.Matches(rule.MessageFormat).Cast<Match>()
            .Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) + 1)
            .DefaultIfEmpty(0).Max();
        var markers = Enumerable.Range(0, count).Select(i => "\u0001" + i + "\u0002").ToArray();
        var text = rule.FormatMessage(markers).Replace("{", "{{").Replace("}", "}}");
        for (var i = 0; i < count; i++)
        {
            text = text.Replace(markers[i], "{" + i + "}");
        }

        return text;
    }
}
