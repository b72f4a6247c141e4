using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TwelveFactor.Sdk.Catalog;

namespace TwelveFactor.Sdk.Analyzers.Rules;

/// <summary>
/// TF1101: the app writes its own log files: Serilog's WriteTo.File, file logging providers (AddFile), NLog
/// and log4net file targets, and System.IO.File / StreamWriter writes to a path that names a log file. Console
/// sinks and providers are what a twelve-factor app uses, and are never reported.
/// </summary>
internal sealed class FileLoggingRule : CodeRule
{
    private static readonly HashSet<string> SinkNames = new HashSet<string>(StringComparer.Ordinal) { "File", "RollingFile" };

    private static readonly HashSet<string> FileTargetTypes = new HashSet<string>(StringComparer.Ordinal)
    {
        "FileTarget", "FileAppender", "RollingFileAppender", "FileLoggerProvider",
    };

    private static readonly HashSet<string> FileWrites = new HashSet<string>(StringComparer.Ordinal)
    {
        "AppendAllText", "AppendAllTextAsync", "AppendAllLines", "AppendAllLinesAsync", "AppendText",
        "WriteAllText", "WriteAllTextAsync", "WriteAllLines", "WriteAllLinesAsync", "CreateText",
    };

    /// <summary>A path that names a log file or folder: app.log, logs/, log-2024.txt.</summary>
    private static readonly Regex LogPath = new Regex(@"(\.log\b|(^|[/\\])logs?([/\\]|$)|(^|[/\\])log[\w.-]*\.txt\b)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, AnalyzerRegex.Timeout);

    public override ImmutableArray<SyntaxKind> Kinds { get; } = ImmutableArray.Create(SyntaxKind.InvocationExpression, SyntaxKind.ObjectCreationExpression);

    public override void Inspect(SyntaxNode node, InspectionContext context)
    {
        if (node is ObjectCreationExpressionSyntax creation)
        {
            InspectCreation(creation, context);
            return;
        }

        var invocation = (InvocationExpressionSyntax)node;
        var name = SyntaxNames.InvokedName(invocation);
        if (SinkNames.Contains(name) && SyntaxNames.ReceiverName(invocation) is "WriteTo" or "AuditTo")
        {
            if (context.Method(invocation) is not null)
            {
                var api = SyntaxNames.ReceiverName(invocation) + "." + name;
                context.Report(RuleIds.FileLogging, invocation, api, "'" + api + "(...)'", "a file sink");
            }
        }
        else if (name == "AddFile")
        {
            var receiver = invocation.Expression is MemberAccessExpressionSyntax member ? context.Type(member.Expression) : null;
            if (receiver?.Name is "ILoggingBuilder" or "ILoggerFactory" or "LoggerFactory")
            {
                context.Report(RuleIds.FileLogging, invocation, "AddFile", "'AddFile(...)'", "a file logging provider");
            }
        }
        else if (FileWrites.Contains(name) && invocation.ArgumentList.Arguments.Count > 0 &&
                 LogFile(context, invocation.ArgumentList.Arguments[0].Expression) is { } path &&
                 context.Method(invocation)?.ContainingType?.ToDisplayString() == "System.IO.File")
        {
            context.Report(RuleIds.FileLogging, invocation, "File." + name + "|" + path, "'File." + name + "'", "'" + path + "'");
        }
    }

    private static void InspectCreation(ObjectCreationExpressionSyntax creation, InspectionContext context)
    {
        var typeName = SyntaxNames.CreatedTypeName(creation);
        if (FileTargetTypes.Contains(typeName))
        {
            context.Report(RuleIds.FileLogging, creation, typeName, "'new " + typeName + "'", "a file target");
        }
        else if (typeName is "StreamWriter" or "FileStream" && creation.ArgumentList is { Arguments.Count: > 0 } arguments &&
                 LogFile(context, arguments.Arguments[0].Expression) is { } path &&
                 context.Type(creation)?.ContainingNamespace?.ToDisplayString() == "System.IO")
        {
            context.Report(RuleIds.FileLogging, creation, typeName + "|" + path, "'new " + typeName + "'", "'" + path + "'");
        }
    }

    /// <summary>The log file a path expression names: its constant value, or the literal parts of an interpolation or concatenation.</summary>
    private static string? LogFile(InspectionContext context, ExpressionSyntax path)
    {
        var constant = context.ConstantString(path);
        if (constant is not null)
        {
            return LogPath.IsMatch(constant) ? constant : null;
        }

        // An interpolation is read whole, its holes standing for some text: $"log-{day}.txt" → "log-0.txt".
        var literal = path.DescendantNodesAndSelf()
            .Select(n => n switch
            {
                LiteralExpressionSyntax l when l.IsKind(SyntaxKind.StringLiteralExpression) => l.Token.ValueText,
                InterpolatedStringExpressionSyntax i => string.Concat(i.Contents.Select(c => c is InterpolatedStringTextSyntax t ? t.TextToken.ValueText : "0")),
                _ => null,
            })
            .FirstOrDefault(text => text is not null && LogPath.IsMatch(text));
        return literal;
    }
}
