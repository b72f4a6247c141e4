using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace TwelveFactor.Sdk.Analyzers.Fixes;

/// <summary>
/// Code a fix writes at one place of a document: type names as short as the place allows (Environment where
/// System is imported, globally qualified where it is not or where the short name means something else), so the
/// result reads as if written by hand and compiles wherever it lands.
/// </summary>
internal sealed class GeneratedCode
{
    private readonly SemanticModel _model;
    private readonly int _position;

    public GeneratedCode(SemanticModel model, SyntaxNode at)
    {
        _model = model;
        _position = at.SpanStart;
    }

    public static ExpressionSyntax Expression(string code) => SyntaxFactory.ParseExpression(code).WithAdditionalAnnotations(Formatter.Annotation);

    public static string Literal(string value) => SymbolDisplay.FormatLiteral(value, quote: true);

    /// <summary>The type's simple name when that name means this type here, its global name otherwise.</summary>
    public string Type(string fullName)
    {
        var simple = fullName.Substring(fullName.LastIndexOf('.') + 1);
        var visible = _model.LookupNamespacesAndTypes(_position, name: simple);
        return visible.Length == 1 && visible[0] is ITypeSymbol type && type.ToDisplayString() == fullName ? simple : "global::" + fullName;
    }

    /// <summary>The value of an environment variable, or the given C# expression when it is not set.</summary>
    public string EnvironmentVariable(string name, string orElse) =>
        Type("System.Environment") + ".GetEnvironmentVariable(" + Literal(name) + ") ?? " + orElse;

    /// <summary>An expression that stops with a message naming what to set, for a value that has no safe default.</summary>
    public string MissingSetting(string what) => "throw new " + Type("System.InvalidOperationException") + "(" + Literal("Set " + what + ".") + ")";

    /// <summary>The replacement as it will stand in the original's place: parenthesized where an operand binds tighter than ??.</summary>
    public static ExpressionSyntax InPlaceOf(ExpressionSyntax original, ExpressionSyntax replacement) =>
        original.Parent is ArgumentSyntax or EqualsValueClauseSyntax or AssignmentExpressionSyntax or ReturnStatementSyntax or ArrowExpressionClauseSyntax
            ? replacement.WithTriviaFrom(original)
            : SyntaxFactory.ParenthesizedExpression(replacement).WithTriviaFrom(original);
}
