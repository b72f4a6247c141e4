using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using TwelveFactor.Sdk.Catalog;

namespace TwelveFactor.Sdk.Analyzers.Fixes;

/// <summary>
/// TF1201, a migration run when a web or worker process starts: where the call is a top-level statement of
/// Program.cs, it is guarded behind the admin command `migrate`, so the same release runs it as a one-off process
/// (`dotnet Service.dll migrate`) and returns before the service starts. Elsewhere (a method, a hosted service,
/// a statement that declares what later code uses) moving it is a person's call, and no fix is offered.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AdminTaskFix)), Shared]
public sealed class AdminTaskFix : RuleFixProvider
{
    public const string AsAdminCommand = RuleIds.AdminTaskInService + ".AsAdminCommand";
    public const string Command = "migrate";

    public AdminTaskFix()
        : base(RuleIds.AdminTaskInService)
    {
    }

    internal override IEnumerable<FixOffer> Offers(Diagnostic diagnostic, SyntaxNode root, SemanticModel model, CancellationToken cancellationToken)
    {
        if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not { } call ||
            call.Ancestors().OfType<GlobalStatementSyntax>().FirstOrDefault() is not { Statement: var statement } place ||
            statement is LocalDeclarationStatementSyntax or LocalFunctionStatementSyntax or LabeledStatementSyntax ||
            call.Ancestors().Any(a => a is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax))
        {
            yield break;
        }

        // Top-level statements that return a value (an exit code) need one here too.
        var returnsValue = root.DescendantNodes(n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or TypeDeclarationSyntax))
            .OfType<ReturnStatementSyntax>().Any(r => r.Expression is not null && r.Ancestors().OfType<GlobalStatementSyntax>().Any());
        yield return new FixOffer($"Run it only as the admin command '{Command}' (dotnet <app>.dll {Command})", AsAdminCommand, place, editor =>
        {
            var guarded = SyntaxFactory.ParseStatement(
                    "if (args is [" + GeneratedCode.Literal(Command) + "])\n{\n" + statement.WithoutTrivia().ToFullString() + "\nreturn" + (returnsValue ? " 0" : "") + ";\n}\n")
                .WithTriviaFrom(statement)
                .WithAdditionalAnnotations(Formatter.Annotation);
            editor.ReplaceNode(statement, guarded);
        });
    }
}
