using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace TwelveFactor.Sdk.Analyzers.Tests;

/// <summary>
/// Runs the analyzer and the baseline suppressor over source strings, as the compiler does in a build: a real
/// CSharpCompilation against the installed .NET and ASP.NET Core assemblies, the SDK's build_property values,
/// and the baseline as an additional file.
/// </summary>
internal static class AnalyzerRun
{
    public const string ProjectDirectory = "/src/Service";

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(LoadReferences);

    public static ImmutableArray<Diagnostic> Analyze(string source, string processType = "web", string? baseline = null,
        IReadOnlyDictionary<string, ReportDiagnostic>? severities = null, string fileName = "Program.cs") =>
        AnalyzeFiles(new[] { (fileName, source) }, processType, baseline, severities);

    public static ImmutableArray<Diagnostic> AnalyzeFiles(IEnumerable<(string Name, string Source)> files, string processType = "web",
        string? baseline = null, IReadOnlyDictionary<string, ReportDiagnostic>? severities = null)
    {
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = files.Select(f => CSharpSyntaxTree.ParseText(f.Source, parse, Path.Combine(ProjectDirectory, f.Name))).ToList();
        var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)
            .WithSpecificDiagnosticOptions(severities ?? new Dictionary<string, ReportDiagnostic>());
        var compilation = CSharpCompilation.Create("Service", trees, References.Value, options);

        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, "The test source does not compile: " + string.Join("; ", errors));

        var globals = new Dictionary<string, string>
        {
            ["build_property.TwelveFactorProcessType"] = processType,
            ["build_property.MSBuildProjectDirectory"] = ProjectDirectory,
            ["build_property.TwelveFactorBaselineFile"] = Path.Combine(ProjectDirectory, "TwelveFactor.baseline.json"),
        };
        var additional = baseline is null
            ? ImmutableArray<AdditionalText>.Empty
            : ImmutableArray.Create<AdditionalText>(new TextFile(Path.Combine(ProjectDirectory, "TwelveFactor.baseline.json"), baseline));
        var analyzerOptions = new AnalyzerOptions(additional, new ConfigOptions(globals));
        var withAnalyzers = compilation.WithAnalyzers(
            ImmutableArray.Create<DiagnosticAnalyzer>(new TwelveFactorAnalyzer(), new BaselineSuppressor()),
            new CompilationWithAnalyzersOptions(analyzerOptions, onAnalyzerException: null, concurrentAnalysis: false,
                logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: true));
        var all = withAnalyzers.GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        var crashes = all.Where(d => d.Id is "AD0001" or "AD0002").ToList();
        Assert.True(crashes.Count == 0, "The analyzer failed: " + string.Join("; ", crashes));
        return all.Where(d => d.Id.StartsWith("TF", StringComparison.Ordinal))
            .OrderBy(d => d.Location.SourceSpan.Start)
            .ToImmutableArray();
    }

    /// <summary>"TF0702@3" for each diagnostic: id and 1-based line, what most tests assert.</summary>
    public static string[] IdsAndLines(ImmutableArray<Diagnostic> diagnostics) =>
        diagnostics.Select(d => d.Id + "@" + (d.Location.GetLineSpan().StartLinePosition.Line + 1)).ToArray();

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        // The running .NET's own assemblies, plus ASP.NET Core's shared framework of the same version.
        var runtimeDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var sharedRoot = Path.GetDirectoryName(Path.GetDirectoryName(runtimeDirectory))!;
        var aspNet = Path.Combine(sharedRoot, "Microsoft.AspNetCore.App", Path.GetFileName(runtimeDirectory));
        if (!Directory.Exists(aspNet))
        {
            aspNet = Directory.GetDirectories(Path.Combine(sharedRoot, "Microsoft.AspNetCore.App")).OrderBy(d => d, StringComparer.Ordinal).Last();
        }

        return Directory.GetFiles(runtimeDirectory, "*.dll").Concat(Directory.GetFiles(aspNet, "*.dll"))
            .Where(IsManagedAssembly)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    }

    private static bool IsManagedAssembly(string path)
    {
        try
        {
            System.Reflection.AssemblyName.GetAssemblyName(path);
            return true;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }

    private sealed class TextFile : AdditionalText
    {
        private readonly string _text;

        public TextFile(string path, string text)
        {
            Path = path;
            _text = text;
        }

        public override string Path { get; }

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(_text);
    }

    private sealed class ConfigOptions : AnalyzerConfigOptionsProvider
    {
        private readonly Options _global;

        public ConfigOptions(Dictionary<string, string> global) => _global = new Options(global);

        public override AnalyzerConfigOptions GlobalOptions => _global;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => _global;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _global;

        private sealed class Options : AnalyzerConfigOptions
        {
            private readonly Dictionary<string, string> _values;

            public Options(Dictionary<string, string> values) => _values = values;

            public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) =>
                _values.TryGetValue(key, out value);
        }
    }
}
