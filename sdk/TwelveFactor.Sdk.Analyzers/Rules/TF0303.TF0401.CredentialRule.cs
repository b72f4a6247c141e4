using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TwelveFactor.Sdk.Catalog;

namespace TwelveFactor.Sdk.Analyzers.Rules;

/// <summary>
/// TF0303 and TF0401: a string literal that carries a credential (TF0303) or a backing service's address
/// (TF0401), passed to a connection, client or configuration API: a connection's or client's constructor, a
/// Use*/Connect call's connection-string parameter, a ConnectionString or password property, in-memory
/// configuration, or an IConfiguration indexer. Values read from configuration are not constants: never reported.
/// </summary>
internal sealed class CredentialRule : CodeRule
{
    /// <summary>Parameter names that take a connection string or a service's address.</summary>
    private static readonly Regex ConnectionParameter = new Regex(
        "^(connectionString|connection|configuration|url|uri|uriString|endpoint|address|serviceUri|baseAddress|dsn|host|servers)$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, AnalyzerRegex.Timeout);

    /// <summary>Types whose constructors take what connects to a backing service.</summary>
    private static readonly Regex ConnectingType = new Regex("(Connection|Client|ConnectionStringBuilder|Multiplexer|DataSource|DataSourceBuilder)$", RegexOptions.CultureInvariant, AnalyzerRegex.Timeout);

    /// <summary>Properties that hold a connection string or a credential by themselves.</summary>
    private static readonly Dictionary<string, string?> CredentialProperties = new Dictionary<string, string?>(StringComparer.Ordinal)
    {
        ["ConnectionString"] = null, ["Password"] = "password", ["ApiKey"] = "API key", ["AccessKey"] = "access key",
        ["SecretKey"] = "secret", ["ClientSecret"] = "client secret",
    };

    public override ImmutableArray<SyntaxKind> Kinds { get; } = ImmutableArray.Create(
        SyntaxKind.InvocationExpression, SyntaxKind.ObjectCreationExpression, SyntaxKind.ImplicitObjectCreationExpression,
        SyntaxKind.SimpleAssignmentExpression);

    public override void Inspect(SyntaxNode node, InspectionContext context)
    {
        switch (node)
        {
            case InvocationExpressionSyntax invocation:
                InspectCall(invocation, invocation.ArgumentList, SyntaxNames.InvokedName(invocation), context);
                break;
            case BaseObjectCreationExpressionSyntax creation when creation.ArgumentList is { Arguments.Count: > 0 } arguments:
                var typeName = creation is ObjectCreationExpressionSyntax named ? SyntaxNames.TypeName(named.Type) : context.Type(creation)?.Name ?? "";
                if (ConnectingType.IsMatch(typeName) || typeName == "Uri")
                {
                    InspectCall(creation, arguments, typeName, context);
                }

                break;
            case AssignmentExpressionSyntax assignment:
                InspectAssignment(assignment, context);
                break;
        }
    }

    private static void InspectCall(ExpressionSyntax call, ArgumentListSyntax arguments, string api, InspectionContext context)
    {
        if (api == "AddInMemoryCollection")
        {
            InspectLiteralsWithin(call, api, context);
            return;
        }

        if (arguments.Arguments.Count == 0 || !arguments.Arguments.Any(a => a.Expression is LiteralExpressionSyntax or BinaryExpressionSyntax or IdentifierNameSyntax or MemberAccessExpressionSyntax))
        {
            return;
        }

        IMethodSymbol? method = null;
        foreach (var argument in arguments.Arguments)
        {
            var value = context.ConstantString(argument.Expression);
            if (value is null)
            {
                continue;
            }

            method ??= context.Method(call);
            var parameter = method is null ? null : InspectionContext.Parameter(method, arguments, argument);
            if (parameter is null || !ConnectionParameter.IsMatch(parameter.Name))
            {
                continue;
            }

            // new Uri("https://...") reaches a service only when it is handed to a client; it is reported there.
            if (api == "Uri" && !(call.Parent is ArgumentSyntax or AssignmentExpressionSyntax))
            {
                continue;
            }

            ReportValue(argument.Expression, value, api, isClientApi: ConnectingType.IsMatch(api) || api == "Uri", context);
        }
    }

    private static void InspectAssignment(AssignmentExpressionSyntax assignment, InspectionContext context)
    {
        var target = SyntaxNames.LastName(assignment.Left);
        if (assignment.Left is ElementAccessExpressionSyntax element)
        {
            var value = context.ConstantString(assignment.Right);
            if (value is not null && context.Type(element.Expression) is { } type &&
                (type.Name == "IConfiguration" || type.AllInterfaces.Any(i => i.Name == "IConfiguration")))
            {
                ReportValue(assignment.Right, value, "IConfiguration[...]", isClientApi: false, context);
            }

            return;
        }

        // BaseAddress = new Uri("...") is reported at the Uri, as every Uri handed to a client is.
        if (!CredentialProperties.TryGetValue(target, out var secretKind))
        {
            return;
        }

        var text = context.ConstantString(assignment.Right);
        if (string.IsNullOrWhiteSpace(text) || context.Symbol(assignment.Left) is not IPropertySymbol)
        {
            return;
        }

        if (secretKind is null)
        {
            ReportValue(assignment.Right, text!, target, isClientApi: false, context);
        }
        else if (ConnectionText.IsLiteralSecret(text!))
        {
            // Identified by where it is assigned (and, in the fingerprint, file and occurrence), never by its value.
            context.Report(RuleIds.Secret, assignment.Right, "secret|" + target, secretKind, context.FileName, "a string literal assigned to " + target);
        }
    }

    /// <summary>Configuration written in code: every literal value in the initializer that reveals something.</summary>
    private static void InspectLiteralsWithin(ExpressionSyntax call, string api, InspectionContext context)
    {
        foreach (var literal in call.DescendantNodes().OfType<LiteralExpressionSyntax>().Where(l => l.IsKind(SyntaxKind.StringLiteralExpression)))
        {
            ReportValue(literal, literal.Token.ValueText, api, isClientApi: false, context);
        }
    }

    private static void ReportValue(ExpressionSyntax at, string value, string api, bool isClientApi, InspectionContext context)
    {
        var parsed = ConnectionText.Parse(value);
        if (parsed is null)
        {
            return;
        }

        if (parsed.SecretKind is not null)
        {
            context.Report(RuleIds.Secret, at, "secret|" + api + "|" + parsed.SecretKind, parsed.SecretKind, context.FileName, "a string literal passed to " + api);
        }

        if (parsed.Address is not null && (!parsed.IsUrl || parsed.IsServiceUrl || isClientApi))
        {
            context.Report(RuleIds.HardCodedBackingService, at, api + "|" + parsed.Address, "The address passed to " + api, parsed.Address);
        }
    }
}
