using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TwelveFactor.Sdk.Catalog;

namespace TwelveFactor.Sdk.Analyzers.Rules;

/// <summary>
/// TF0702: a listen address fixed in code: UseUrls("..."), app.Urls.Add("..."), app.Run("..."),
/// UseSetting("urls", "..."), and Kestrel's Listen/ListenAnyIP/ListenLocalhost with a constant port. An
/// address read from configuration or the environment is not a constant, so it is never reported.
/// </summary>
internal sealed class ListenAddressInCodeRule : CodeRule
{
    private static readonly HashSet<string> Names = new HashSet<string>(StringComparer.Ordinal)
    {
        "UseUrls", "Add", "Run", "RunAsync", "UseSetting", "Listen", "ListenAnyIP", "ListenLocalhost",
    };

    public override ImmutableArray<SyntaxKind> Kinds { get; } = ImmutableArray.Create(SyntaxKind.InvocationExpression);

    public override void Inspect(SyntaxNode node, InspectionContext context)
    {
        var invocation = (InvocationExpressionSyntax)node;
        var name = SyntaxNames.InvokedName(invocation);
        if (!Names.Contains(name) || invocation.ArgumentList.Arguments.Count == 0)
        {
            return;
        }

        if (name == "Add" && SyntaxNames.ReceiverName(invocation) != "Urls")
        {
            return;
        }

        var method = context.Method(invocation);
        if (method is null)
        {
            return;
        }

        switch (name)
        {
            case "UseUrls":
                foreach (var argument in invocation.ArgumentList.Arguments)
                {
                    ReportConstantAddresses(context, argument.Expression, "UseUrls");
                }

                break;
            case "Add" when IsWebApplicationUrls(context, invocation):
                ReportConstantAddresses(context, invocation.ArgumentList.Arguments[0].Expression, "app.Urls.Add");
                break;
            case "Run" or "RunAsync" when method.ContainingType?.Name == "WebApplication":
                ReportConstantAddresses(context, invocation.ArgumentList.Arguments[0].Expression, "app." + name);
                break;
            case "UseSetting" when invocation.ArgumentList.Arguments.Count == 2 &&
                                   string.Equals(context.ConstantString(invocation.ArgumentList.Arguments[0].Expression), "urls", StringComparison.OrdinalIgnoreCase):
                ReportConstantAddresses(context, invocation.ArgumentList.Arguments[1].Expression, "UseSetting(\"urls\")");
                break;
            case "Listen" or "ListenAnyIP" or "ListenLocalhost" when method.ContainingType?.Name == "KestrelServerOptions":
                ReportConstantPort(context, invocation, method, name);
                break;
        }
    }

    private static bool IsWebApplicationUrls(InspectionContext context, InvocationExpressionSyntax invocation) =>
        invocation.Expression is MemberAccessExpressionSyntax { Expression: var urls } &&
        context.Symbol(urls) is IPropertySymbol { ContainingType.Name: "WebApplication" or "IServerAddressesFeature" };

    private static void ReportConstantAddresses(InspectionContext context, ExpressionSyntax expression, string api)
    {
        var value = context.ConstantString(expression);
        if (string.IsNullOrWhiteSpace(value))
        {
            return;
        }

        // UseUrls("http://a;http://b") takes several addresses in one string.
        var address = value!.Trim();
        context.Report(RuleIds.HardCodedListenAddress, expression, api + "|" + address, "The call '" + api + "'", address);
    }

    private static void ReportConstantPort(InspectionContext context, InvocationExpressionSyntax invocation, IMethodSymbol method, string name)
    {
        foreach (var argument in invocation.ArgumentList.Arguments)
        {
            var parameter = InspectionContext.Parameter(method, invocation.ArgumentList, argument);
            if (parameter is null)
            {
                continue;
            }

            int? port = parameter.Name == "port" ? context.ConstantInt(argument.Expression) : null;
            if (parameter.Name == "endPoint" && argument.Expression is BaseObjectCreationExpressionSyntax { ArgumentList.Arguments.Count: 2 } endPoint)
            {
                port = context.ConstantInt(endPoint.ArgumentList!.Arguments[1].Expression);
            }

            if (port is null)
            {
                continue;
            }

            var host = name switch
            {
                "ListenAnyIP" => "*",
                "ListenLocalhost" => "localhost",
                _ => HostText(invocation, endPointOrAddress: invocation.ArgumentList.Arguments[0].Expression),
            };
            var address = host + ":" + port.Value.ToString(CultureInfo.InvariantCulture);
            context.Report(RuleIds.HardCodedListenAddress, argument.Expression, name + "|" + address, "The call '" + name + "'", address);
        }
    }

    private static string HostText(InvocationExpressionSyntax invocation, ExpressionSyntax endPointOrAddress) =>
        endPointOrAddress is BaseObjectCreationExpressionSyntax { ArgumentList.Arguments.Count: 2 } creation
            ? creation.ArgumentList!.Arguments[0].Expression.ToString()
            : invocation.ArgumentList.Arguments.Count > 1 ? endPointOrAddress.ToString() : "*";
}
