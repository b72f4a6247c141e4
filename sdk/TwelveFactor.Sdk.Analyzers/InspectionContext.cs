using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace TwelveFactor.Sdk.Analyzers;

/// <summary>What a code rule sees while one syntax tree is inspected, and where it puts its findings.</summary>
internal sealed class InspectionContext
{
    private readonly List<CodeFinding> _findings;

    public InspectionContext(SemanticModel model, AnalyzerSettings settings, CompilationFacts facts, List<CodeFinding> findings, CancellationToken cancellationToken)
    {
        Model = model;
        Settings = settings;
        Facts = facts;
        _findings = findings;
        CancellationToken = cancellationToken;
    }

    public SemanticModel Model { get; }

    public AnalyzerSettings Settings { get; }

    public CompilationFacts Facts { get; }

    public CancellationToken CancellationToken { get; }

    public string FileName => Path.GetFileName(Model.SyntaxTree.FilePath);

    public void Report(string ruleId, SyntaxNode at, string key, params string[] arguments) =>
        _findings.Add(new CodeFinding(ruleId, LocationOf(at), key, arguments));

    public void Report(string ruleId, Location at, string key, params string[] arguments) =>
        _findings.Add(new CodeFinding(ruleId, at, key, arguments));

    /// <summary>
    /// Where a finding about a node points. A call at the end of a fluent chain ("new LoggerConfiguration()
    /// .WriteTo.File(...)") points at the called name through the end of its arguments, not at the start of the
    /// chain: in a chain spread over many lines, that is the line of the offending call rather than the first line
    /// of the statement. A call on a plain name ("File.AppendAllText(...)") points at the whole call.
    /// </summary>
    private static Location LocationOf(SyntaxNode node)
    {
        if (node is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member } invocation &&
            member.Expression.DescendantNodesAndSelf().Any(n => n is InvocationExpressionSyntax or BaseObjectCreationExpressionSyntax))
        {
            return Location.Create(node.SyntaxTree, Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(member.Name.SpanStart, invocation.Span.End));
        }

        return node.GetLocation();
    }

    public IMethodSymbol? Method(SyntaxNode invocationOrCreation)
    {
        var info = Model.GetSymbolInfo(invocationOrCreation, CancellationToken);
        return (info.Symbol ?? info.CandidateSymbols.FirstOrDefault()) as IMethodSymbol;
    }

    public ISymbol? Symbol(SyntaxNode node)
    {
        var info = Model.GetSymbolInfo(node, CancellationToken);
        return info.Symbol ?? info.CandidateSymbols.FirstOrDefault();
    }

    public ITypeSymbol? Type(ExpressionSyntax expression) => Model.GetTypeInfo(expression, CancellationToken).Type;

    /// <summary>The compile-time value of an expression: literals, constants and constant concatenations only.</summary>
    public string? ConstantString(ExpressionSyntax expression)
    {
        var value = Model.GetConstantValue(expression, CancellationToken);
        return value.HasValue ? value.Value as string : null;
    }

    public int? ConstantInt(ExpressionSyntax expression)
    {
        var value = Model.GetConstantValue(expression, CancellationToken);
        return value.HasValue && value.Value is int number ? number : null;
    }

    /// <summary>The parameter an argument binds to (by name, or by position, params arrays included).</summary>
    public static IParameterSymbol? Parameter(IMethodSymbol method, BaseArgumentListSyntax list, ArgumentSyntax argument)
    {
        if (argument.NameColon is { } nameColon)
        {
            return method.Parameters.FirstOrDefault(p => p.Name == nameColon.Name.Identifier.ValueText);
        }

        var index = list.Arguments.IndexOf(argument);
        if (index < 0 || method.Parameters.Length == 0)
        {
            return null;
        }

        return index < method.Parameters.Length ? method.Parameters[index] : method.Parameters[method.Parameters.Length - 1].IsParams ? method.Parameters[method.Parameters.Length - 1] : null;
    }
}

/// <summary>Syntax-only helpers, for the cheap filters every rule applies before binding.</summary>
internal static class SyntaxNames
{
    /// <summary>The called method's simple name: Foo for x.Foo(), Foo&lt;T&gt;(), Foo().</summary>
    public static string InvokedName(InvocationExpressionSyntax invocation) => invocation.Expression switch
    {
        MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
        MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
        SimpleNameSyntax name => name.Identifier.ValueText,
        _ => "",
    };

    /// <summary>The receiver's last name: WriteTo for log.WriteTo.File(), Urls for app.Urls.Add().</summary>
    public static string ReceiverName(InvocationExpressionSyntax invocation) =>
        invocation.Expression is MemberAccessExpressionSyntax member ? LastName(member.Expression) : "";

    public static string LastName(ExpressionSyntax expression) => expression switch
    {
        MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
        SimpleNameSyntax name => name.Identifier.ValueText,
        InvocationExpressionSyntax call => LastName(call.Expression),
        _ => "",
    };

    /// <summary>The type name written in an object creation (without namespace and type arguments).</summary>
    public static string CreatedTypeName(SyntaxNode creation) => creation is ObjectCreationExpressionSyntax explicitCreation
        ? TypeName(explicitCreation.Type)
        : "";

    public static string TypeName(TypeSyntax type) => type switch
    {
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        _ => "",
    };

    /// <summary>The Type.Member a node sits in, for messages and fingerprint keys.</summary>
    public static string EnclosingMember(SyntaxNode node)
    {
        var member = node.AncestorsAndSelf().OfType<MemberDeclarationSyntax>().FirstOrDefault(m => m is not TypeDeclarationSyntax);
        var type = node.AncestorsAndSelf().OfType<BaseTypeDeclarationSyntax>().FirstOrDefault();
        var memberName = member switch
        {
            MethodDeclarationSyntax method => method.Identifier.ValueText,
            PropertyDeclarationSyntax property => property.Identifier.ValueText,
            ConstructorDeclarationSyntax => "ctor",
            _ => "",
        };
        var typeName = type?.Identifier.ValueText ?? "Program";
        return memberName.Length > 0 ? typeName + "." + memberName : typeName;
    }

    public static bool Is(this SyntaxNode node, SyntaxKind kind) => node.RawKind == (int)kind;
}
