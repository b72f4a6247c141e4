using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TwelveFactor.Sdk.Catalog;

namespace TwelveFactor.Sdk.Analyzers.Fixes;

/// <summary>
/// TF1101: a file sink in a logging chain becomes the console, as JSON. Serilog's WriteTo.File(...) becomes
/// WriteTo.Console(formatter) (the file sink's own formatter if it had one, otherwise Serilog's JsonFormatter),
/// keeping the arguments the console sink also takes (minimum level, level switch); a logging builder's
/// AddFile(...) becomes AddJsonConsole(). Offered only where the console sink is referenced, so the fixed code
/// compiles; log4net/NLog targets and direct file writes have no mechanical equivalent and get no fix.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(FileLoggingFix)), Shared]
public sealed class FileLoggingFix : RuleFixProvider
{
    public FileLoggingFix()
        : base(RuleIds.FileLogging)
    {
    }

    public const string ToConsole = RuleIds.FileLogging + ".ToConsole";

    internal override IEnumerable<FixOffer> Offers(Diagnostic diagnostic, SyntaxNode root, SemanticModel model, CancellationToken cancellationToken)
    {
        if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not InvocationExpressionSyntax invocation ||
            invocation.Expression is not MemberAccessExpressionSyntax member ||
            model.GetTypeInfo(member.Expression, cancellationToken).Type is not { } receiver)
        {
            yield break;
        }

        var name = member.Name.Identifier.ValueText;
        if (name == "File" && SyntaxNames.LastName(member.Expression) == "WriteTo" &&
            ConsoleSink(invocation, member, receiver, model, cancellationToken) is { } console)
        {
            yield return new FixOffer("Write logs to the console as JSON (Serilog console sink)", ToConsole, invocation,
                editor => editor.ReplaceNode(invocation, console));
        }
        else if (name == "AddFile" && receiver.Name == "ILoggingBuilder" && Lookup(model, invocation, receiver, "AddJsonConsole").Any())
        {
            var replacement = invocation.WithExpression(member.WithName(SyntaxFactory.IdentifierName("AddJsonConsole")))
                .WithArgumentList(SyntaxFactory.ArgumentList().WithTriviaFrom(invocation.ArgumentList));
            yield return new FixOffer("Write logs to the console as JSON (AddJsonConsole)", ToConsole, invocation,
                editor => editor.ReplaceNode(invocation, replacement));
        }
    }

    private static InvocationExpressionSyntax? ConsoleSink(InvocationExpressionSyntax fileSink, MemberAccessExpressionSyntax member, ITypeSymbol receiver,
        SemanticModel model, CancellationToken cancellationToken)
    {
        var console = Lookup(model, fileSink, receiver, "Console")
            .FirstOrDefault(m => m.Parameters.Any(p => p.Name == "formatter" && p.Type.Name == "ITextFormatter"));
        if (console is null || model.GetSymbolInfo(fileSink, cancellationToken).Symbol is not IMethodSymbol file)
        {
            return null;
        }

        ExpressionSyntax? formatter = null;
        var kept = new List<ArgumentSyntax>();
        foreach (var argument in fileSink.ArgumentList.Arguments)
        {
            var parameter = InspectionContext.Parameter(file, fileSink.ArgumentList, argument);
            if (parameter?.Name == "formatter")
            {
                formatter = argument.Expression;
            }
            else if (parameter is not null && console.Parameters.Any(p => p.Name == parameter.Name && SymbolEqualityComparer.Default.Equals(p.Type, parameter.Type)))
            {
                kept.Add(SyntaxFactory.Argument(SyntaxFactory.NameColon(parameter.Name), default, argument.Expression));
            }
        }

        if (formatter is null)
        {
            if (model.Compilation.GetTypeByMetadataName("Serilog.Formatting.Json.JsonFormatter") is null)
            {
                return null;
            }

            formatter = GeneratedCode.Expression("new " + new GeneratedCode(model, fileSink).Type("Serilog.Formatting.Json.JsonFormatter") + "()");
        }

        var arguments = new[] { SyntaxFactory.Argument(SyntaxFactory.NameColon("formatter"), default, formatter) }.Concat(kept);
        return fileSink.WithExpression(member.WithName(SyntaxFactory.IdentifierName("Console")))
            .WithArgumentList(SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(arguments)).WithTriviaFrom(fileSink.ArgumentList));
    }

    /// <summary>The methods of that name callable on the receiver at this place, extension methods included.</summary>
    private static IEnumerable<IMethodSymbol> Lookup(SemanticModel model, SyntaxNode at, ITypeSymbol receiver, string name) =>
        model.LookupSymbols(at.SpanStart, receiver, name, includeReducedExtensionMethods: true).OfType<IMethodSymbol>();
}
