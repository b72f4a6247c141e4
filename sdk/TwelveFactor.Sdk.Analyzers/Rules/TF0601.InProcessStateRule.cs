using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TwelveFactor.Sdk.Catalog;

namespace TwelveFactor.Sdk.Analyzers.Rules;

/// <summary>
/// TF0601, in a web process: state kept in process memory but used as if shared: AddDistributedMemoryCache
/// (a "distributed" cache that is not), AddSession with no distributed cache backed by a service anywhere in the
/// project, and static mutable collections written at run time (a cache of requests).
/// </summary>
internal sealed class InProcessStateRule : CodeRule
{
    private static readonly HashSet<string> CollectionNamespaces = new HashSet<string>(StringComparer.Ordinal)
    {
        "System.Collections.Generic", "System.Collections.Concurrent", "System.Collections",
        "System.Runtime.Caching", "Microsoft.Extensions.Caching.Memory",
    };

    private static readonly HashSet<string> Mutators = new HashSet<string>(StringComparer.Ordinal)
    {
        "Add", "TryAdd", "GetOrAdd", "AddOrUpdate", "TryUpdate", "Set", "Enqueue", "Push", "Insert", "AddRange", "CreateEntry",
    };

    public override ImmutableArray<SyntaxKind> Kinds { get; } = ImmutableArray.Create(SyntaxKind.InvocationExpression, SyntaxKind.FieldDeclaration);

    public override bool AppliesTo(AnalyzerSettings settings) => settings.IsWeb;

    public override void Inspect(SyntaxNode node, InspectionContext context)
    {
        if (node is FieldDeclarationSyntax field)
        {
            InspectStaticField(field, context);
            return;
        }

        var invocation = (InvocationExpressionSyntax)node;
        var name = SyntaxNames.InvokedName(invocation);
        if (name == "AddDistributedMemoryCache" && context.Method(invocation) is not null)
        {
            context.Report(RuleIds.InProcessState, invocation, name,
                "'AddDistributedMemoryCache()' backs IDistributedCache, and the sessions stored in it, with process memory");
        }
        else if (name == "AddSession" && !context.Facts.HasServiceBackedCache &&
                 context.Method(invocation)?.ContainingType?.Name == "SessionServiceCollectionExtensions")
        {
            context.Report(RuleIds.InProcessState, invocation, name,
                "'AddSession()' keeps sessions in IDistributedCache, and no cache backed by a service (Redis, SQL Server, ...) is registered");
        }
    }

    private static void InspectStaticField(FieldDeclarationSyntax field, InspectionContext context)
    {
        if (!field.Modifiers.Any(SyntaxKind.StaticKeyword) || field.Modifiers.Any(SyntaxKind.ConstKeyword) ||
            field.Parent is not TypeDeclarationSyntax type)
        {
            return;
        }

        foreach (var variable in field.Declaration.Variables)
        {
            if (context.Model.GetDeclaredSymbol(variable, context.CancellationToken) is not IFieldSymbol symbol ||
                !IsMutableCollection(symbol.Type) || !IsWrittenAtRunTime(type, symbol, context))
            {
                continue;
            }

            var name = symbol.ContainingType.Name + "." + symbol.Name;
            context.Report(RuleIds.InProcessState, variable.Identifier.GetLocation(), "static|" + name,
                "The static field '" + name + "' (" + symbol.Type.Name + ") is written while serving requests and lives only in this process");
        }
    }

    private static bool IsMutableCollection(ITypeSymbol type) =>
        type is INamedTypeSymbol named && named.ContainingNamespace is { } ns && CollectionNamespaces.Contains(ns.ToDisplayString()) &&
        !named.Name.StartsWith("IReadOnly", StringComparison.Ordinal) && !named.Name.StartsWith("Immutable", StringComparison.Ordinal) &&
        named.Name != "IEnumerable";

    /// <summary>Written outside its initializer and static constructor: an indexer set or a call that adds.</summary>
    private static bool IsWrittenAtRunTime(TypeDeclarationSyntax type, IFieldSymbol field, InspectionContext context)
    {
        foreach (var reference in type.DescendantNodes().OfType<IdentifierNameSyntax>())
        {
            if (reference.Identifier.ValueText != field.Name || IsInStaticInitialization(reference))
            {
                continue;
            }

            var access = reference.Parent is MemberAccessExpressionSyntax m && m.Name == reference ? (ExpressionSyntax)m : reference;
            var writes = access.Parent switch
            {
                ElementAccessExpressionSyntax element when element.Expression == access =>
                    element.Parent is AssignmentExpressionSyntax assignment && assignment.Left == element,
                MemberAccessExpressionSyntax member when member.Expression == access =>
                    Mutators.Contains(member.Name.Identifier.ValueText) && member.Parent is InvocationExpressionSyntax,
                _ => false,
            };
            if (writes && SymbolEqualityComparer.Default.Equals(context.Symbol(reference), field))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsInStaticInitialization(SyntaxNode node) => node.Ancestors().Any(a =>
        a is ConstructorDeclarationSyntax ctor && ctor.Modifiers.Any(SyntaxKind.StaticKeyword) ||
        a is VariableDeclaratorSyntax { Parent.Parent: FieldDeclarationSyntax });
}
