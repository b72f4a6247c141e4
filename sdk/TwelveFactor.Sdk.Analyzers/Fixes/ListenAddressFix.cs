using System.Composition;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using TwelveFactor.Sdk.Catalog;

namespace TwelveFactor.Sdk.Analyzers.Fixes;

/// <summary>
/// TF0702: a literal listen address. Two fixes: bind the port from the PORT environment variable, keeping the
/// literal's port as the default when PORT is not set (the scheme and host stay as written); or remove the
/// address, so that ASP.NET Core's own ASPNETCORE_HTTP_PORTS / ASPNETCORE_URLS decide. An address list
/// ("http://a;http://b") or an address without a port is only removed, never rewritten.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ListenAddressFix)), Shared]
public sealed class ListenAddressFix : RuleFixProvider
{
    public ListenAddressFix()
        : base(RuleIds.HardCodedListenAddress)
    {
    }

    public const string FromPort = RuleIds.HardCodedListenAddress + ".FromPort";
    public const string Remove = RuleIds.HardCodedListenAddress + ".Remove";

    private static readonly Regex SingleAddress = new Regex(@"^(?<prefix>[A-Za-z][A-Za-z0-9+.-]*://(\[[^\]]+\]|[^/:;\[\]{}]+)):(?<port>\d{1,5})/?$", RegexOptions.CultureInvariant, AnalyzerRegex.Timeout);

    internal override IEnumerable<FixOffer> Offers(Diagnostic diagnostic, SyntaxNode root, SemanticModel model, CancellationToken cancellationToken)
    {
        if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax reported ||
            reported.Parent is not ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax invocation } })
        {
            yield break;
        }

        var code = new GeneratedCode(model, reported);
        var value = model.GetConstantValue(reported, cancellationToken);
        if (value.HasValue && value.Value is string address)
        {
            var single = SingleAddress.Match(address.Trim());
            if (single.Success)
            {
                var replacement = "$\"" + single.Groups["prefix"].Value + ":{(" +
                                  code.EnvironmentVariable("PORT", GeneratedCode.Literal(single.Groups["port"].Value)) + ")}\"";
                yield return new FixOffer("Bind the port from the PORT environment variable", FromPort, reported,
                    editor => editor.ReplaceNode(reported, GeneratedCode.Expression(replacement).WithTriviaFrom(reported)));
            }

            if (RemoveAddress(invocation) is { } remove)
            {
                yield return new FixOffer("Remove the fixed listen address (ASPNETCORE_HTTP_PORTS or ASPNETCORE_URLS then decide)", Remove, invocation, remove);
            }
        }
        else
        {
            // Kestrel's Listen*(port) or Listen(new IPEndPoint(address, port)): the port is replaced.
            var port = reported is BaseObjectCreationExpressionSyntax { ArgumentList.Arguments.Count: 2 } endPoint
                ? endPoint.ArgumentList!.Arguments[1].Expression
                : reported;
            var constant = model.GetConstantValue(port, cancellationToken);
            if (constant.HasValue && constant.Value is int number)
            {
                var replacement = "int.Parse(" + code.EnvironmentVariable("PORT", GeneratedCode.Literal(number.ToString(System.Globalization.CultureInfo.InvariantCulture))) + ")";
                yield return new FixOffer("Bind the port from the PORT environment variable", FromPort, reported,
                    editor => editor.ReplaceNode(port, GeneratedCode.Expression(replacement).WithTriviaFrom(port)));
            }
        }
    }

    /// <summary>
    /// The call without its address: a statement of its own is removed; in a chain (UseUrls returns the builder
    /// it was called on) the call gives way to its receiver; app.Run("...") becomes app.Run().
    /// </summary>
    private static Action<DocumentEditor>? RemoveAddress(InvocationExpressionSyntax invocation)
    {
        var name = SyntaxNames.InvokedName(invocation);
        if (name is "Run" or "RunAsync")
        {
            return editor => editor.ReplaceNode(invocation.ArgumentList, SyntaxFactory.ArgumentList().WithTriviaFrom(invocation.ArgumentList));
        }

        if (name is not ("UseUrls" or "UseSetting" or "Add") || invocation.Expression is not MemberAccessExpressionSyntax member)
        {
            return null;
        }

        if (invocation.Parent is ExpressionStatementSyntax statement)
        {
            return editor => editor.RemoveNode(statement, SyntaxRemoveOptions.KeepUnbalancedDirectives);
        }

        return name != "Add" && invocation.Parent is MemberAccessExpressionSyntax
            ? editor => editor.ReplaceNode(invocation, member.Expression.WithTriviaFrom(invocation))
            : null;
    }
}
