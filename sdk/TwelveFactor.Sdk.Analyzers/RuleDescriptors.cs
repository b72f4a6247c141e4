using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using TwelveFactor.Sdk.Catalog;

namespace TwelveFactor.Sdk.Analyzers;

/// <summary>
/// The analyzer's DiagnosticDescriptors, made from the rule catalogue: the same id, title, full message
/// (found, fix, why) and help link as the build-time rules. Id, category and severity are written as constants
/// so that the release-tracking rules can compare them with AnalyzerReleases.*.md; DescriptorTests holds them to
/// the catalogue's factor and default severity.
/// </summary>
/// <remarks>
/// The default severity: Roslyn lets a DiagnosticSuppressor suppress only diagnostics whose descriptor does not
/// default to Error, and the baseline must be able to suppress every finding; so an error rule defaults to Warning
/// here, and the SDK's generated global config (TwelveFactor.Analyzers.targets) raises it to error under every
/// policy level that makes it one.
/// </remarks>
internal static class RuleDescriptors
{
    private const string Tag = "TwelveFactor";

    // Declared before the descriptors: static fields are initialised in the order they are written.
    private static readonly Regex Placeholder = new Regex(@"\{(\d+)\}", RegexOptions.CultureInvariant, AnalyzerRegex.Timeout);

    public static readonly DiagnosticDescriptor Secret = new(
        RuleIds.Secret, RuleCatalog.Secret.Title, MessageFormat(RuleCatalog.Secret), "TwelveFactor.Factor03",
        DiagnosticSeverity.Warning, isEnabledByDefault: true, RuleCatalog.Secret.Why, RuleCatalog.Secret.HelpLink, Tag);

    public static readonly DiagnosticDescriptor HardCodedBackingService = new(
        RuleIds.HardCodedBackingService, RuleCatalog.HardCodedBackingService.Title, MessageFormat(RuleCatalog.HardCodedBackingService), "TwelveFactor.Factor04",
        DiagnosticSeverity.Warning, isEnabledByDefault: true, RuleCatalog.HardCodedBackingService.Why, RuleCatalog.HardCodedBackingService.HelpLink, Tag);

    public static readonly DiagnosticDescriptor InProcessState = new(
        RuleIds.InProcessState, RuleCatalog.InProcessState.Title, MessageFormat(RuleCatalog.InProcessState), "TwelveFactor.Factor06",
        DiagnosticSeverity.Warning, isEnabledByDefault: true, RuleCatalog.InProcessState.Why, RuleCatalog.InProcessState.HelpLink, Tag);

    public static readonly DiagnosticDescriptor HardCodedListenAddress = new(
        RuleIds.HardCodedListenAddress, RuleCatalog.HardCodedListenAddress.Title, MessageFormat(RuleCatalog.HardCodedListenAddress), "TwelveFactor.Factor07",
        DiagnosticSeverity.Warning, isEnabledByDefault: true, RuleCatalog.HardCodedListenAddress.Why, RuleCatalog.HardCodedListenAddress.HelpLink, Tag);

    public static readonly DiagnosticDescriptor BackgroundWorkerInWeb = new(
        RuleIds.BackgroundWorkerInWeb, RuleCatalog.BackgroundWorkerInWeb.Title, MessageFormat(RuleCatalog.BackgroundWorkerInWeb), "TwelveFactor.Factor08",
        DiagnosticSeverity.Info, isEnabledByDefault: true, RuleCatalog.BackgroundWorkerInWeb.Why, RuleCatalog.BackgroundWorkerInWeb.HelpLink, Tag);

    public static readonly DiagnosticDescriptor UngracefulShutdown = new(
        RuleIds.UngracefulShutdown, RuleCatalog.UngracefulShutdown.Title, MessageFormat(RuleCatalog.UngracefulShutdown), "TwelveFactor.Factor09",
        DiagnosticSeverity.Warning, isEnabledByDefault: true, RuleCatalog.UngracefulShutdown.Why, RuleCatalog.UngracefulShutdown.HelpLink, Tag);

    public static readonly DiagnosticDescriptor FileLogging = new(
        RuleIds.FileLogging, RuleCatalog.FileLogging.Title, MessageFormat(RuleCatalog.FileLogging), "TwelveFactor.Factor11",
        DiagnosticSeverity.Warning, isEnabledByDefault: true, RuleCatalog.FileLogging.Why, RuleCatalog.FileLogging.HelpLink, Tag);

    public static readonly DiagnosticDescriptor AdminTaskInService = new(
        RuleIds.AdminTaskInService, RuleCatalog.AdminTaskInService.Title, MessageFormat(RuleCatalog.AdminTaskInService), "TwelveFactor.Factor12",
        DiagnosticSeverity.Warning, isEnabledByDefault: true, RuleCatalog.AdminTaskInService.Why, RuleCatalog.AdminTaskInService.HelpLink, Tag);

    public static ImmutableArray<DiagnosticDescriptor> All { get; } = ImmutableArray.Create(
        Secret,
        HardCodedBackingService,
        InProcessState,
        HardCodedListenAddress,
        BackgroundWorkerInWeb,
        UngracefulShutdown,
        FileLogging,
        AdminTaskInService);

    /// <summary>The catalogue rules the analyzer reports.</summary>
    public static readonly ImmutableArray<string> AnalyzerRuleIds = All.Select(descriptor => descriptor.Id).ToImmutableArray();

    private static readonly ImmutableDictionary<string, DiagnosticDescriptor> ById =
        All.ToImmutableDictionary(descriptor => descriptor.Id, StringComparer.Ordinal);

    public static DiagnosticDescriptor Get(string ruleId) => ById[ruleId];

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
