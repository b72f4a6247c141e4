using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using TwelveFactor.Sdk.Analyzers.Rules;
using TwelveFactor.Sdk.Catalog;

namespace TwelveFactor.Sdk.Analyzers;

/// <summary>
/// The twelve-factor checks that only the code shows. Walks each syntax tree once, handing nodes to the code
/// rules that asked for their kind; findings carry their fingerprint key so the baseline can match them.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class TwelveFactorAnalyzer : DiagnosticAnalyzer
{
    internal static readonly ImmutableArray<CodeRule> Rules = ImmutableArray.Create<CodeRule>(
        new CredentialRule(),
        new InProcessStateRule(),
        new ListenAddressInCodeRule(),
        new BackgroundWorkerRule(),
        new ShutdownRule(),
        new FileLoggingRule(),
        new AdminTaskRule());

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => RuleDescriptors.All;

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var settings = AnalyzerSettings.From(start.Options.AnalyzerConfigOptionsProvider);
            var byKind = Rules.Where(r => r.AppliesTo(settings))
                .SelectMany(r => r.Kinds.Select(k => (Kind: k, Rule: r)))
                .GroupBy(x => x.Kind)
                .ToDictionary(g => g.Key, g => g.Select(x => x.Rule).ToArray());
            if (byKind.Count == 0)
            {
                return;
            }

            var facts = new CompilationFacts(start.Compilation, start.CancellationToken);
            start.RegisterSemanticModelAction(model => Inspect(model, settings, facts, byKind));
        });
    }

    private static void Inspect(SemanticModelAnalysisContext context, AnalyzerSettings settings, CompilationFacts facts, Dictionary<SyntaxKind, CodeRule[]> byKind)
    {
        var findings = new List<CodeFinding>();
        var inspection = new InspectionContext(context.SemanticModel, settings, facts, findings, context.CancellationToken);
        foreach (var node in context.SemanticModel.SyntaxTree.GetRoot(context.CancellationToken).DescendantNodes())
        {
            if (byKind.TryGetValue(node.Kind(), out var rules))
            {
                foreach (var rule in rules)
                {
                    rule.Inspect(node, inspection);
                }
            }
        }

        foreach (var finding in findings)
        {
            context.ReportDiagnostic(finding.ToDiagnostic());
        }
    }
}
