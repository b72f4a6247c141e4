using System.Composition;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TwelveFactor.Sdk.Analyzers.Rules;
using TwelveFactor.Sdk.Catalog;

namespace TwelveFactor.Sdk.Analyzers.Fixes;

/// <summary>
/// TF0303 and TF0401: a literal connection string, credential or service address becomes a read of a named
/// setting: from the IConfiguration in scope when there is one (configuration["ConnectionStrings:Npgsql"]),
/// otherwise from the environment variable of the same name (ConnectionStrings__Npgsql); when the setting is
/// missing the process stops with a message naming the variable to set. The fix's title names it too, and for a
/// secret reminds that the credential, now in the source history, must be rotated. Not offered where the literal
/// is itself configuration (in-memory configuration, an IConfiguration write), where C# needs a constant, or
/// where the value comes through a constant declared elsewhere (the secret would stay in the code).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CredentialFix)), Shared]
public sealed class CredentialFix : RuleFixProvider
{
    public CredentialFix()
        : base(RuleIds.Secret, RuleIds.HardCodedBackingService)
    {
    }

    public const string FromConfiguration = "TwelveFactor.ReadFromConfiguration";

    private static readonly Regex ConnectionParameter = new Regex("^(connectionString|connection|configuration|dsn)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, AnalyzerRegex.Timeout);

    private static readonly Regex TypeSuffix = new Regex("(ConnectionStringBuilder|Connection|Client|Multiplexer|DataSourceBuilder|DataSource|Options|Settings|Configuration)$", RegexOptions.CultureInvariant, AnalyzerRegex.Timeout);

    private static readonly HashSet<string> GenericHostLabels = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "api", "www", "app", "service", "services", "gateway" };

    internal override IEnumerable<FixOffer> Offers(Diagnostic diagnostic, SyntaxNode root, SemanticModel model, CancellationToken cancellationToken)
    {
        if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax literal ||
            !IsLiteralText(literal) || NeedsConstant(literal) || IsConfigurationItself(literal, model, cancellationToken) ||
            model.GetConstantValue(literal, cancellationToken).Value is not string value ||
            SettingKey(literal, value, model, cancellationToken) is not { } key)
        {
            yield break;
        }

        var variable = key.Replace(":", "__");
        var code = new GeneratedCode(model, literal);
        var configuration = ConfigurationInScope(literal, model, cancellationToken);
        var read = configuration is null
            ? code.EnvironmentVariable(variable, code.MissingSetting("the environment variable " + variable))
            : configuration + "[" + GeneratedCode.Literal(key) + "] ?? " + code.MissingSetting(variable + " (configuration '" + key + "')");
        var title = diagnostic.Id == RuleIds.Secret
            ? $"Read the secret from configuration '{key}' (set {variable}; rotate the credential, it is in the source history)"
            : $"Read the address from configuration '{key}' (set {variable})";
        yield return new FixOffer(title, FromConfiguration, literal,
            editor => editor.ReplaceNode(literal, GeneratedCode.InPlaceOf(literal, GeneratedCode.Expression(read))));
    }

    /// <summary>Literals only (and their concatenation): a constant declared elsewhere would keep the secret in the code.</summary>
    private static bool IsLiteralText(ExpressionSyntax expression) => expression.DescendantNodesAndSelf().All(n =>
        n is LiteralExpressionSyntax || n is ParenthesizedExpressionSyntax || n.IsKind(SyntaxKind.AddExpression));

    private static bool NeedsConstant(ExpressionSyntax expression) => expression.Ancestors().Any(a =>
        a is AttributeArgumentSyntax or ParameterSyntax or CaseSwitchLabelSyntax or ConstantPatternSyntax ||
        a is FieldDeclarationSyntax field && field.Modifiers.Any(SyntaxKind.ConstKeyword) ||
        a is LocalDeclarationStatementSyntax local && local.Modifiers.Any(SyntaxKind.ConstKeyword));

    /// <summary>Configuration written in code: the literal is a configuration value already, and moving it is a person's call.</summary>
    private static bool IsConfigurationItself(ExpressionSyntax literal, SemanticModel model, CancellationToken cancellationToken) =>
        literal.Ancestors().OfType<InvocationExpressionSyntax>().Any(i => SyntaxNames.InvokedName(i) == "AddInMemoryCollection") ||
        literal.Parent is AssignmentExpressionSyntax { Left: ElementAccessExpressionSyntax element } &&
        model.GetTypeInfo(element.Expression, cancellationToken).Type is { } type &&
        (type.Name == "IConfiguration" || type.AllInterfaces.Any(i => i.Name == "IConfiguration"));

    /// <summary>
    /// The setting's key: ConnectionStrings:{Service} for a connection string, {Section}:{Property} for a credential
    /// property, {Service}:Url for a service's URL. The service is the library (UseNpgsql → Npgsql, StackExchange.Redis
    /// → Redis) or, for a plain URL, the host's first distinctive label.
    /// </summary>
    private static string? SettingKey(ExpressionSyntax literal, string value, SemanticModel model, CancellationToken cancellationToken)
    {
        var parsed = ConnectionText.Parse(value);
        if (literal.Parent is AssignmentExpressionSyntax assignment && assignment.Right == literal)
        {
            if (model.GetSymbolInfo(assignment.Left, cancellationToken).Symbol is not IPropertySymbol property)
            {
                return null;
            }

            var section = Section(property.ContainingType);
            return property.Name == "ConnectionString" ? "ConnectionStrings:" + section : section + ":" + property.Name;
        }

        if (literal.Parent is not ArgumentSyntax { Parent: ArgumentListSyntax { Parent: { } call } arguments } argument ||
            model.GetSymbolInfo(call, cancellationToken).Symbol is not IMethodSymbol method ||
            InspectionContext.Parameter(method, arguments, argument) is not { } parameter)
        {
            return null;
        }

        if (parsed is { IsUrl: true } && (method.MethodKind == MethodKind.Constructor && method.ContainingType.Name == "Uri" || !ConnectionParameter.IsMatch(parameter.Name)))
        {
            return HostLabel(value) is { } host ? host + ":Url" : null;
        }

        var service = method.Name.StartsWith("Use", StringComparison.Ordinal) && method.Name.Length > 3
            ? method.Name.Substring(3)
            : Section(method.ContainingType);
        return "ConnectionStrings:" + service;
    }

    /// <summary>The library a type belongs to (its namespace's last part), or the type's own name without its role suffix in System.*.</summary>
    private static string Section(INamedTypeSymbol type)
    {
        var ns = type.ContainingNamespace?.ToDisplayString() ?? "";
        var last = ns.Substring(ns.LastIndexOf('.') + 1);
        if (last.Length > 0 && !ns.StartsWith("System", StringComparison.Ordinal) && !ns.StartsWith("Microsoft.Extensions", StringComparison.Ordinal))
        {
            return last;
        }

        var name = TypeSuffix.Replace(type.Name, "");
        return name.Length > 0 ? name : type.Name;
    }

    private static string? HostLabel(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return null;
        }

        var labels = uri.Host.Split('.').Where(l => l.Length > 0).ToArray();
        var label = labels.FirstOrDefault(l => !GenericHostLabels.Contains(l)) ?? labels.FirstOrDefault();
        return label is null ? null : string.Concat(label.Split('-', '_').Where(p => p.Length > 0)
            .Select(p => char.ToUpper(p[0], CultureInfo.InvariantCulture) + p.Substring(1)));
    }

    /// <summary>An IConfiguration the code at this place can read: a parameter, a local declared before it, a field or property (static where the code is), or a host builder's Configuration.</summary>
    private static string? ConfigurationInScope(ExpressionSyntax at, SemanticModel model, CancellationToken cancellationToken)
    {
        var member = at.Ancestors().OfType<MemberDeclarationSyntax>().FirstOrDefault();
        var inStaticCode = member is null or GlobalStatementSyntax || model.GetDeclaredSymbol(member, cancellationToken) is { IsStatic: true };
        foreach (var symbol in model.LookupSymbols(at.SpanStart))
        {
            var (type, usable) = symbol switch
            {
                IParameterSymbol p => (p.Type, true),
                ILocalSymbol l => (l.Type, l.Locations.All(loc => loc.SourceSpan.End < at.SpanStart)),
                IFieldSymbol f => (f.Type, f.IsStatic || !inStaticCode),
                IPropertySymbol p => (p.Type, (p.IsStatic || !inStaticCode) && p.GetMethod is not null),
                _ => (null, false),
            };
            if (!usable || type is null)
            {
                continue;
            }

            if (type.Name == "IConfiguration" || type.AllInterfaces.Any(i => i.Name == "IConfiguration"))
            {
                return symbol.Name;
            }

            if (type.Name is "WebApplicationBuilder" or "HostApplicationBuilder" or "IHostApplicationBuilder")
            {
                return symbol.Name + ".Configuration";
            }
        }

        return null;
    }
}
