using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TwelveFactor.Sdk.Catalog;

namespace TwelveFactor.Sdk.Analyzers.Rules;

/// <summary>
/// TF1201: schema migrations or creation run by a web or worker process (EF Core's Database.Migrate and
/// EnsureCreated, FluentMigrator's MigrateUp, DbUp's PerformUpgrade). An admin process may run them, and so may
/// the same program started as a one-off admin command: a call under an `if` on the program's command-line
/// arguments (`if (args is ["migrate"]) { ... }`) runs only when the process is started for that command.
/// </summary>
internal sealed class AdminTaskRule : CodeRule
{
    /// <summary>Method name → the types (receiver or declaring) that make it a schema change.</summary>
    private static readonly Dictionary<string, string[]> Calls = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["Migrate"] = new[] { "DatabaseFacade", "RelationalDatabaseFacadeExtensions" },
        ["MigrateAsync"] = new[] { "DatabaseFacade", "RelationalDatabaseFacadeExtensions" },
        ["EnsureCreated"] = new[] { "DatabaseFacade" },
        ["EnsureCreatedAsync"] = new[] { "DatabaseFacade" },
        ["MigrateUp"] = new[] { "IMigrationRunner", "MigrationRunner" },
        ["PerformUpgrade"] = new[] { "UpgradeEngine" },
    };

    public override ImmutableArray<SyntaxKind> Kinds { get; } = ImmutableArray.Create(SyntaxKind.InvocationExpression);

    public override bool AppliesTo(AnalyzerSettings settings) => settings.IsLongRunning;

    public override void Inspect(SyntaxNode node, InspectionContext context)
    {
        var invocation = (InvocationExpressionSyntax)node;
        var name = SyntaxNames.InvokedName(invocation);
        if (!Calls.TryGetValue(name, out var types))
        {
            return;
        }

        var method = context.Method(invocation);
        var receiver = invocation.Expression is MemberAccessExpressionSyntax member ? context.Type(member.Expression) : null;
        if (method is null || !(types.Contains(method.ContainingType?.Name) || types.Contains(receiver?.Name)))
        {
            return;
        }

        if (IsAdminCommand(invocation, context))
        {
            return;
        }

        var call = SyntaxNames.LastName(invocation.Expression is MemberAccessExpressionSyntax access ? access.Expression : invocation.Expression);
        var described = (call.Length > 0 ? call + "." : "") + name + "()";
        context.Report(RuleIds.AdminTaskInService, invocation, name + "|" + SyntaxNames.EnclosingMember(invocation),
            "The call '" + described + "'", context.Settings.ProcessType);
    }

    /// <summary>Under an if whose condition reads the entry point's args: the program started as a command.</summary>
    private static bool IsAdminCommand(SyntaxNode node, InspectionContext context) => node.Ancestors().OfType<IfStatementSyntax>().Any(guard =>
        guard.Statement.Span.Contains(node.Span) &&
        guard.Condition.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>().Any(name =>
            name.Identifier.ValueText == "args" && context.Symbol(name) is IParameterSymbol { ContainingSymbol: IMethodSymbol { Name: "Main" or "<Main>$" } }));
}
