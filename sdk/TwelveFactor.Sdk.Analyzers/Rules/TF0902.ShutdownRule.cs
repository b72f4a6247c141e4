using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TwelveFactor.Sdk.Catalog;

namespace TwelveFactor.Sdk.Analyzers.Rules;

/// <summary>
/// TF0902: shutdown that is not graceful: a loop in a hosted service's ExecuteAsync that never looks at its
/// CancellationToken (SIGTERM cannot stop it), or the host's ShutdownTimeout set to zero.
/// </summary>
internal sealed class ShutdownRule : CodeRule
{
    public override ImmutableArray<SyntaxKind> Kinds { get; } = ImmutableArray.Create(
        SyntaxKind.MethodDeclaration, SyntaxKind.SimpleAssignmentExpression, SyntaxKind.InvocationExpression);

    public override void Inspect(SyntaxNode node, InspectionContext context)
    {
        switch (node)
        {
            case MethodDeclarationSyntax method:
                InspectHostedLoop(method, context);
                break;
            case AssignmentExpressionSyntax assignment when SyntaxNames.LastName(assignment.Left) == "ShutdownTimeout" && IsZero(context, assignment.Right):
                if (context.Symbol(assignment.Left) is IPropertySymbol { ContainingType.Name: "HostOptions" })
                {
                    context.Report(RuleIds.UngracefulShutdown, assignment, "ShutdownTimeout", "The host's ShutdownTimeout is set to zero");
                }

                break;
            case InvocationExpressionSyntax invocation when SyntaxNames.InvokedName(invocation) == "UseShutdownTimeout" &&
                                                            invocation.ArgumentList.Arguments.Count == 1 &&
                                                            IsZero(context, invocation.ArgumentList.Arguments[0].Expression):
                context.Report(RuleIds.UngracefulShutdown, invocation, "ShutdownTimeout", "The host's ShutdownTimeout is set to zero");
                break;
        }
    }

    private static void InspectHostedLoop(MethodDeclarationSyntax method, InspectionContext context)
    {
        if (method.Identifier.ValueText != "ExecuteAsync" || !method.Modifiers.Any(SyntaxKind.OverrideKeyword) ||
            method.ParameterList.Parameters.Count != 1 || method.Body is null && method.ExpressionBody is null)
        {
            return;
        }

        var symbol = context.Model.GetDeclaredSymbol(method, context.CancellationToken);
        if (symbol is null || !DerivesFrom(symbol.ContainingType, "BackgroundService") ||
            symbol.Parameters[0].Type.Name != nameof(CancellationToken))
        {
            return;
        }

        var token = symbol.Parameters[0];
        var loops = ((SyntaxNode?)method.Body ?? method.ExpressionBody!).DescendantNodes()
            .Where(n => n is WhileStatementSyntax or DoStatementSyntax or ForStatementSyntax);
        foreach (var loop in loops)
        {
            var checksToken = loop.DescendantNodes().OfType<IdentifierNameSyntax>()
                .Any(id => id.Identifier.ValueText == token.Name && SymbolEqualityComparer.Default.Equals(context.Symbol(id), token));
            if (!checksToken)
            {
                var where = symbol.ContainingType.Name + ".ExecuteAsync";
                context.Report(RuleIds.UngracefulShutdown, loop.GetFirstToken().GetLocation(), "loop|" + where,
                    "The loop in '" + where + "' never checks its CancellationToken '" + token.Name + "'");
            }
        }
    }

    private static bool DerivesFrom(INamedTypeSymbol? type, string baseName)
    {
        for (var current = type?.BaseType; current is not null; current = current.BaseType)
        {
            if (current.Name == baseName)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>TimeSpan.Zero, default, new TimeSpan(0), TimeSpan.FromSeconds(0) and the like.</summary>
    private static bool IsZero(InspectionContext context, ExpressionSyntax value)
    {
        switch (value)
        {
            case MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Zero" } member:
                return SyntaxNames.LastName(member.Expression) == "TimeSpan";
            case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.DefaultLiteralExpression):
                return true;
            case DefaultExpressionSyntax:
                return true;
            case InvocationExpressionSyntax call when SyntaxNames.InvokedName(call).StartsWith("From", StringComparison.Ordinal) &&
                                                      SyntaxNames.ReceiverName(call) == "TimeSpan":
                return call.ArgumentList.Arguments.Count == 1 && IsZeroNumber(context, call.ArgumentList.Arguments[0].Expression);
            case BaseObjectCreationExpressionSyntax creation when creation.ArgumentList is { Arguments.Count: > 0 } arguments &&
                                                                  context.Type(creation)?.Name == "TimeSpan":
                return arguments.Arguments.All(a => IsZeroNumber(context, a.Expression));
            default:
                return false;
        }
    }

    private static bool IsZeroNumber(InspectionContext context, ExpressionSyntax expression)
    {
        var value = context.Model.GetConstantValue(expression, context.CancellationToken);
        return value.HasValue && value.Value is IConvertible number && number.ToDouble(System.Globalization.CultureInfo.InvariantCulture) == 0;
    }
}
