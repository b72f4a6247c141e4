using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using TwelveFactor.Sdk.Policy;

namespace TwelveFactor.Sdk.Analyzers;

/// <summary>
/// Suppresses the analyzer's findings that TwelveFactor.baseline.json accepts (passed as an AdditionalFiles
/// item), fingerprinted exactly as the engine fingerprints its own: rule, file relative to the project, the
/// rule's key, and the occurrence among equal findings in line order. Suppressed diagnostics stay in the
/// compiler's SARIF log, marked as suppressed, so the engine's report lists them as baselined.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class BaselineSuppressor : DiagnosticSuppressor
{
    public const string Justification = "In TwelveFactor.baseline.json";

    private static readonly ImmutableDictionary<string, SuppressionDescriptor> ByRule =
        RuleDescriptors.AnalyzerRuleIds.ToImmutableDictionary(
            id => id,
            id => new SuppressionDescriptor("TFB" + id.Substring(2), id, Justification),
            StringComparer.Ordinal);

    public override ImmutableArray<SuppressionDescriptor> SupportedSuppressions { get; } = ByRule.Values.ToImmutableArray();

    public override void ReportSuppressions(SuppressionAnalysisContext context)
    {
        var settings = AnalyzerSettings.From(context.Options.AnalyzerConfigOptionsProvider);
        var accepted = LoadBaseline(context, settings);
        if (accepted.Count == 0)
        {
            return;
        }

        var ours = context.ReportedDiagnostics
            .Where(d => ByRule.ContainsKey(d.Id) && d.Location.IsInSource && d.Properties.ContainsKey(AnalyzerProperties.Key));
        var assigned = Fingerprint.Assign(ours, settings.ProjectDirectory, d =>
        {
            var span = d.Location.GetLineSpan();
            return new FingerprintSubject(d.Id, span.Path, span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1, d.Properties[AnalyzerProperties.Key] ?? "");
        });
        foreach (var item in assigned)
        {
            if (accepted.Contains(item.Item.Id + "\n" + item.Fingerprint))
            {
                context.ReportSuppression(Suppression.Create(ByRule[item.Item.Id], item.Item));
            }
        }
    }

    private static HashSet<string> LoadBaseline(SuppressionAnalysisContext context, AnalyzerSettings settings)
    {
        var file = context.Options.AdditionalFiles.FirstOrDefault(f => IsBaseline(f.Path, settings));
        var text = file?.GetText(context.CancellationToken)?.ToString();
        return text is null ? new HashSet<string>() : BaselineEntries.Read(text);
    }

    private static bool IsBaseline(string path, AnalyzerSettings settings) => settings.BaselineFile.Length > 0
        ? string.Equals(Path.GetFullPath(path), Path.GetFullPath(settings.BaselineFile), StringComparison.OrdinalIgnoreCase)
        : string.Equals(Path.GetFileName(path), AnalyzerSettings.DefaultBaselineFileName, StringComparison.OrdinalIgnoreCase);
}
