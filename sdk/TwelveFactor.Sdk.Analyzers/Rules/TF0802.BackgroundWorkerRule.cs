using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TwelveFactor.Sdk.Catalog;

namespace TwelveFactor.Sdk.Analyzers.Rules;

/// <summary>
/// TF0802 (a suggestion by default): a hosted background service registered in a web process
/// (AddHostedService&lt;T&gt;(), AddSingleton&lt;IHostedService, T&gt;()). A worker process is where it belongs.
/// </summary>
internal sealed class BackgroundWorkerRule : CodeRule
{
    public override ImmutableArray<SyntaxKind> Kinds { get; } = ImmutableArray.Create(SyntaxKind.InvocationExpression);

    public override bool AppliesTo(AnalyzerSettings settings) => settings.IsWeb;

    public override void Inspect(SyntaxNode node, InspectionContext context)
    {
        var invocation = (InvocationExpressionSyntax)node;
        var name = SyntaxNames.InvokedName(invocation);
        if (name != "AddHostedService" && name != "AddSingleton")
        {
            return;
        }

        var method = context.Method(invocation);
        if (method is null || method.ContainingNamespace?.ToDisplayString().StartsWith("Microsoft.Extensions.DependencyInjection", StringComparison.Ordinal) != true)
        {
            return;
        }

        ITypeSymbol? service;
        if (name == "AddHostedService")
        {
            service = method.TypeArguments.FirstOrDefault();
        }
        else if (method.TypeArguments.Length == 2 && method.TypeArguments[0].Name == "IHostedService")
        {
            service = method.TypeArguments[1];
        }
        else
        {
            return;
        }

        var serviceName = service?.Name ?? "?";
        context.Report(RuleIds.BackgroundWorkerInWeb, invocation, service?.ToDisplayString() ?? name, serviceName);
    }
}
