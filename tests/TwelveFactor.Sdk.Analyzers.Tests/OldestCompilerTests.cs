using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using TwelveFactor.Sdk.Analyzers.Tests.Verification;

namespace TwelveFactor.Sdk.Analyzers.Tests;

/// <summary>
/// The analyzer loads in the oldest compiler the SDK supports: Roslyn 4.8 (.NET SDK 8.0.100, Visual Studio 17.8).
/// A compiler older than the Microsoft.CodeAnalysis an analyzer was built against skips it with CS9057, silently
/// for the user; these tests run in Roslyn 4.8 itself and load the analyzer from its file, as the compiler does.
/// </summary>
public class OldestCompilerTests
{
    private static readonly Version OldestCompiler = new(4, 8, 0, 0);

    private static string AnalyzerFile => typeof(TwelveFactorAnalyzer).Assembly.Location;

    [Fact]
    public void The_analyzer_is_built_against_a_Microsoft_CodeAnalysis_no_newer_than_the_oldest_compiler()
    {
        var references = Assembly.LoadFrom(AnalyzerFile).GetReferencedAssemblies();

        var codeAnalysis = references.Where(r => r.Name!.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(codeAnalysis);
        Assert.All(codeAnalysis, r => Assert.True(r.Version <= OldestCompiler, $"{r.Name} {r.Version} is newer than {OldestCompiler}"));
    }

    [Fact]
    public async Task Loaded_from_its_file_by_Roslyn_4_8_the_analyzer_reports_its_findings()
    {
        Assert.Equal(OldestCompiler, typeof(Compilation).Assembly.GetName().Version);
        var failures = new List<string>();
        var reference = new AnalyzerFileReference(AnalyzerFile, new FileLoader());
        reference.AnalyzerLoadFailed += (_, e) => failures.Add(e.Message);

        var analyzers = reference.GetAnalyzers(LanguageNames.CSharp);

        Assert.Empty(failures);
        Assert.Contains(analyzers, a => a.GetType().Name == nameof(TwelveFactorAnalyzer));
        Assert.Contains(analyzers, a => a is DiagnosticSuppressor);
        var source = CSharpSyntaxTree.ParseText("""
            using Microsoft.AspNetCore.Builder;

            static class Startup
            {
                static void Configure(WebApplication app) => app.Run("http://localhost:5004");
            }
            """, path: "/src/Service/Program.cs");
        var compilation = CSharpCompilation.Create("Service", [source], RuntimeReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

        var diagnostics = await compilation.WithAnalyzers(analyzers).GetAnalyzerDiagnosticsAsync();

        Assert.DoesNotContain(diagnostics, d => d.Id is "AD0001" or "AD0002");
        var finding = Assert.Single(diagnostics, d => d.Id.StartsWith("TF", StringComparison.Ordinal));
        Assert.Equal(("TF0702", 5), (finding.Id, finding.Location.GetLineSpan().StartLinePosition.Line + 1));
    }

    private sealed class FileLoader : IAnalyzerAssemblyLoader
    {
        public void AddDependencyLocation(string fullPath)
        {
        }

        public Assembly LoadFromPath(string fullPath) => Assembly.LoadFrom(fullPath);
    }
}
