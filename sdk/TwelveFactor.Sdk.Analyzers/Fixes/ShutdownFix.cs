using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using TwelveFactor.Sdk.Catalog;

namespace TwelveFactor.Sdk.Analyzers.Fixes;

/// <summary>
/// TF0902, a hosted loop that ignores its token: the loop stops when the token is cancelled (while (true)
/// becomes while (!stoppingToken.IsCancellationRequested); another condition gains "&amp;&amp; !...") and the
/// token is passed to the calls in the loop that take one (an optional CancellationToken parameter, or an
/// overload with one more, trailing CancellationToken), so a wait ends at SIGTERM instead of running out. A zero
/// ShutdownTimeout gets no fix: the right grace period is the service's to choose.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ShutdownFix)), Shared]
public sealed class ShutdownFix : RuleFixProvider
{
    public ShutdownFix()
        : base(RuleIds.UngracefulShutdown)
    {
    }

    public const string ObserveToken = RuleIds.UngracefulShutdown + ".ObserveToken";

    internal override IEnumerable<FixOffer> Offers(Diagnostic diagnostic, SyntaxNode root, SemanticModel model, CancellationToken cancellationToken)
    {
        var loop = root.FindToken(diagnostic.Location.SourceSpan.Start).Parent;
        if (loop is not (WhileStatementSyntax or DoStatementSyntax or ForStatementSyntax) ||
            loop.Ancestors().OfType<MethodDeclarationSyntax>().FirstOrDefault() is not { ParameterList.Parameters.Count: 1 } method)
        {
            yield break;
        }

        var token = method.ParameterList.Parameters[0].Identifier.ValueText;
        yield return new FixOffer($"Stop the loop when '{token}' is cancelled, and pass it on", ObserveToken, loop, editor =>
        {
            foreach (var call in CallsThatTakeAToken(loop, model, cancellationToken))
            {
                editor.ReplaceNode(call.Invocation, (current, _) => PassToken((InvocationExpressionSyntax)current, token, call.ParameterName));
            }

            editor.ReplaceNode(loop, (current, _) => WithTokenCheck(current, token));
        });
    }

    private static SyntaxNode WithTokenCheck(SyntaxNode loop, string token)
    {
        var check = SyntaxFactory.ParseExpression("!" + token + ".IsCancellationRequested");
        ExpressionSyntax Combine(ExpressionSyntax? condition) => condition is null || condition.IsKind(SyntaxKind.TrueLiteralExpression)
            ? check.WithTriviaFrom(condition ?? check)
            : SyntaxFactory.BinaryExpression(SyntaxKind.LogicalAndExpression, NeedsParentheses(condition) ? SyntaxFactory.ParenthesizedExpression(condition) : condition, check)
                .WithAdditionalAnnotations(Formatter.Annotation);
        return loop switch
        {
            WhileStatementSyntax w => w.WithCondition(Combine(w.Condition)),
            DoStatementSyntax d => d.WithCondition(Combine(d.Condition)),
            ForStatementSyntax f => f.WithCondition(Combine(f.Condition).WithLeadingTrivia(SyntaxFactory.Space)),
            _ => loop,
        };
    }

    private static bool NeedsParentheses(ExpressionSyntax condition) =>
        condition is ConditionalExpressionSyntax or AssignmentExpressionSyntax or LambdaExpressionSyntax ||
        condition.IsKind(SyntaxKind.LogicalOrExpression) || condition.IsKind(SyntaxKind.CoalesceExpression);

    private static InvocationExpressionSyntax PassToken(InvocationExpressionSyntax call, string token, string? parameterName)
    {
        var argument = SyntaxFactory.Argument(SyntaxFactory.IdentifierName(token));
        if (parameterName is not null)
        {
            argument = argument.WithNameColon(SyntaxFactory.NameColon(parameterName));
        }

        return call.WithArgumentList(call.ArgumentList.AddArguments(argument));
    }

    /// <summary>
    /// Calls in the loop (not in lambdas or local functions, which may run elsewhere) that pass no token yet but
    /// can take one: by position when the token is the next parameter, by name past omitted optional ones.
    /// </summary>
    private static IEnumerable<(InvocationExpressionSyntax Invocation, string? ParameterName)> CallsThatTakeAToken(SyntaxNode loop, SemanticModel model, CancellationToken cancellationToken)
    {
        var invocations = loop.DescendantNodes(n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)).OfType<InvocationExpressionSyntax>();
        foreach (var invocation in invocations)
        {
            if (model.GetSymbolInfo(invocation, cancellationToken).Symbol is not IMethodSymbol method ||
                method.Parameters.Any(p => IsToken(p.Type) && IsPassed(p, invocation)))
            {
                continue;
            }

            var arguments = invocation.ArgumentList.Arguments;
            var optional = method.Parameters.FirstOrDefault(p => IsToken(p.Type) && p.IsOptional);
            if (optional is not null)
            {
                var positional = optional.Ordinal == arguments.Count && arguments.All(a => a.NameColon is null);
                yield return (invocation, positional ? null : optional.Name);
            }
            else if (method.ReducedFrom is null && arguments.Count == method.Parameters.Length && arguments.All(a => a.NameColon is null) &&
                     !method.Parameters.Any(p => p.IsParams) && HasOverloadWithToken(method))
            {
                yield return (invocation, null);
            }
        }
    }

    private static bool IsPassed(IParameterSymbol parameter, InvocationExpressionSyntax invocation) =>
        invocation.ArgumentList.Arguments.Any(a => a.NameColon?.Name.Identifier.ValueText == parameter.Name) ||
        parameter.Ordinal < invocation.ArgumentList.Arguments.Count && invocation.ArgumentList.Arguments.All(a => a.NameColon is null);

    private static bool HasOverloadWithToken(IMethodSymbol method) => method.ContainingType.GetMembers(method.Name).OfType<IMethodSymbol>().Any(overload =>
        overload.IsStatic == method.IsStatic && overload.Parameters.Length == method.Parameters.Length + 1 &&
        IsToken(overload.Parameters[method.Parameters.Length].Type) && overload.TypeParameters.Length == method.TypeParameters.Length &&
        method.Parameters.All(p => SymbolEqualityComparer.Default.Equals(p.Type, overload.Parameters[p.Ordinal].Type)));

    private static bool IsToken(ITypeSymbol type) => type.Name == nameof(CancellationToken) && type.ContainingNamespace?.ToDisplayString() == "System.Threading";
}
