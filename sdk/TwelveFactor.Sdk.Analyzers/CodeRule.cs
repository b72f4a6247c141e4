using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace TwelveFactor.Sdk.Analyzers;

/// <summary>
/// One family of code checks. The analyzer walks each syntax tree once and hands every node of the kinds a rule
/// asks for to it; a rule first filters on syntax (names) and binds only the few nodes that may match.
/// </summary>
internal abstract class CodeRule
{
    public abstract ImmutableArray<SyntaxKind> Kinds { get; }

    /// <summary>Whether the rule applies to this project at all (some only concern web processes).</summary>
    public virtual bool AppliesTo(AnalyzerSettings settings) => true;

    public abstract void Inspect(SyntaxNode node, InspectionContext context);
}
