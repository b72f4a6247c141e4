using System.Text;
using System.Text.Json;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;
using Microsoft.Extensions.Logging;
#if (postgres)
using Npgsql;
#endif
using TfService.Core.Configuration;

namespace TfService.Admin;

/// <summary>
/// Factor XII's REPL, as <c>rails console</c> is for a Rails app: C# evaluated against this release's code and
/// the services its environment configures (see <see cref="ConsoleGlobals"/>). Compiling code at run time is what
/// the SDK's TF0502 refuses in web and worker processes; here it is the point, and this project ships in no web
/// or worker image. Results are printed as JSON, one line each, so scripts can read them.
/// </summary>
public sealed class AdminConsole(IServiceProvider services, ILogger<AdminConsole> logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly CSharpParseOptions ScriptParsing = CSharpParseOptions.Default.WithKind(SourceCodeKind.Script);

    private static readonly ScriptOptions Options = ScriptOptions.Default
        .AddReferences(typeof(ConsoleGlobals).Assembly, typeof(SettingsReader).Assembly)
#if (postgres)
        .AddReferences(typeof(NpgsqlDataSource).Assembly)
        .AddImports("TfService.Core.Jobs", "Npgsql")
#endif
        .AddImports("System", "System.Collections.Generic", "System.Linq", "System.Threading.Tasks", "TfService.Core.Configuration");

    /// <summary><c>console --eval "expression"</c>: prints the expression's value as JSON.</summary>
    public async Task<int> EvaluateAsync(string code, CancellationToken cancellationToken)
    {
        try
        {
            var result = await CSharpScript.EvaluateAsync<object?>(code, Options, Globals(cancellationToken), typeof(ConsoleGlobals), cancellationToken);
            Console.Out.WriteLine(ToJson(result));
            return ExitCodes.Success;
        }
        catch (CompilationErrorException e)
        {
            ReportCompilationErrors(e);
            return ExitCodes.Usage;
        }
    }

    /// <summary><c>console</c>: reads submissions until end of input (Ctrl+D); each keeps the variables of the last.</summary>
    public async Task<int> RunAsync(TextReader input, CancellationToken cancellationToken)
    {
        var interactive = !Console.IsInputRedirected;
        if (interactive)
        {
            Console.Error.WriteLine("C# console: Database, Jobs, Settings, Services and Cancellation are in scope. Ctrl+D ends it.");
        }
        ScriptState<object?>? state = null;
        var submission = new StringBuilder();
        while (!cancellationToken.IsCancellationRequested)
        {
            if (interactive)
            {
                Console.Error.Write(submission.Length == 0 ? "> " : ". ");
            }
            var line = await input.ReadLineAsync(cancellationToken);
            if (line is null)
            {
                break;
            }
            submission.AppendLine(line);
            var code = submission.ToString();
            // A statement or expression that goes on over several lines is run when it is complete.
            if (!SyntaxFactory.IsCompleteSubmission(CSharpSyntaxTree.ParseText(code, ScriptParsing, cancellationToken: cancellationToken)))
            {
                continue;
            }
            submission.Clear();
            try
            {
                state = state is null
                    ? await CSharpScript.RunAsync<object?>(code, Options, Globals(cancellationToken), typeof(ConsoleGlobals), cancellationToken)
                    : await state.ContinueWithAsync<object?>(code, Options, cancellationToken);
                if (state.ReturnValue is not null)
                {
                    Console.Out.WriteLine(ToJson(state.ReturnValue));
                }
            }
            catch (CompilationErrorException e)
            {
                ReportCompilationErrors(e);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The session goes on: a failed submission changes nothing the next one sees.
                logger.LogError(e, "The submission failed");
            }
        }
        return ExitCodes.Success;
    }

    private ConsoleGlobals Globals(CancellationToken cancellationToken) => new(services, cancellationToken);

    private static void ReportCompilationErrors(CompilationErrorException e)
    {
        foreach (var diagnostic in e.Diagnostics)
        {
            Console.Error.WriteLine(diagnostic.ToString());
        }
    }

    /// <summary>The value as JSON; a value JSON cannot represent (a connection, a cycle) as its text.</summary>
    private static string ToJson(object? value)
    {
        try
        {
            return JsonSerializer.Serialize(value, value?.GetType() ?? typeof(object), Json);
        }
        catch (Exception e) when (e is NotSupportedException or JsonException or InvalidOperationException)
        {
            return JsonSerializer.Serialize(value?.ToString(), Json);
        }
    }
}
