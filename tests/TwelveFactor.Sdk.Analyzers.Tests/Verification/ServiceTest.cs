using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;

namespace TwelveFactor.Sdk.Analyzers.Tests.Verification;

/// <summary>
/// One run of the analyzer, the baseline suppressor and the code fixes over a service's sources, through the
/// Roslyn test framework: markup states each diagnostic's exact span ({|TF0702:...|}, or {|#0:...|} with an
/// expected result that also states its message), the framework fails on any other diagnostic, compiler error or
/// analyzer exception, and a fix is checked one diagnostic at a time and as fix-all in document, project and
/// solution, after which the fixed code must have no finding left. The build's settings arrive as a global config
/// of build_property values, as the SDK's targets pass them; the baseline as an additional file.
/// </summary>
internal sealed class ServiceTest : CSharpCodeFixTest<TwelveFactorAnalyzer, EmptyCodeFixProvider, DefaultVerifier>
{
    public const string ProjectDirectory = "/src/Service";

    private const string GlobalConfigPath = "/.globalconfig";

    private const string LibrariesFile = "Stubs.cs";

    private static readonly ImmutableArray<CodeFixProvider> ShippedFixes = typeof(TwelveFactorAnalyzer).Assembly.GetTypes()
        .Where(t => t.GetCustomAttribute<ExportCodeFixProviderAttribute>() is not null)
        .Select(t => (CodeFixProvider)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    private readonly Dictionary<string, ReportDiagnostic> _severities = new();

    public ServiceTest(string processType = "web")
    {
        // Nothing to download: the running .NET's assemblies are the references.
        ReferenceAssemblies = new ReferenceAssemblies("net10.0");
        TestState.AdditionalReferences.AddRange(RuntimeReferences.All);
        TestState.AnalyzerConfigFiles.Add((GlobalConfigPath, string.Join("\n",
            "is_global = true",
            "build_property.TwelveFactorProcessType = " + processType,
            "build_property.MSBuildProjectDirectory = " + ProjectDirectory,
            "build_property.TwelveFactorBaselineFile = " + PathOf("TwelveFactor.baseline.json")) + "\n"));
        SolutionTransforms.Add((solution, projectId) =>
        {
            var options = (CSharpCompilationOptions)solution.GetProject(projectId)!.CompilationOptions!;
            return solution.WithProjectCompilationOptions(projectId, options
                .WithNullableContextOptions(NullableContextOptions.Enable)
                .WithSpecificDiagnosticOptions(options.SpecificDiagnosticOptions.SetItems(_severities)));
        });
    }

    public static string PathOf(string fileName) => ProjectDirectory + "/" + fileName;

    /// <summary>The diagnostic a rule reports, with the severity and message its descriptor gives it.</summary>
    public static DiagnosticResult Diagnostic(string ruleId) => new DiagnosticResult(RuleDescriptors.Get(ruleId));

    public static Task VerifyAsync(string markup, string processType = "web", params DiagnosticResult[] expected) =>
        new ServiceTest(processType).WithSource(markup).Expecting(expected).RunAsync();

    public static Task VerifyFixAsync(string markup, string fixedCode, string processType = "web", string? equivalenceKey = null, params DiagnosticResult[] expected)
    {
        var test = new ServiceTest(processType).WithSource(markup).WithFixedSource(fixedCode).Expecting(expected);
        test.CodeActionEquivalenceKey = equivalenceKey;
        return test.RunAsync();
    }

    /// <summary>A source file of the project; Program.cs unless named.</summary>
    public ServiceTest WithSource(string markup, string fileName = "Program.cs")
    {
        TestState.Sources.Add((PathOf(fileName), markup));
        return this;
    }

    public ServiceTest WithFixedSource(string code, string fileName = "Program.cs")
    {
        FixedState.Sources.Add((PathOf(fileName), code));
        AddLibrariesToFixedState();
        return this;
    }

    /// <summary>The third-party types the rules recognise, before and (when a fix is expected) after a fix.</summary>
    public ServiceTest WithLibraries()
    {
        TestState.Sources.Insert(0, (PathOf(LibrariesFile), SourceText.From(Stubs.Libraries)));
        AddLibrariesToFixedState();
        return this;
    }

    private void AddLibrariesToFixedState()
    {
        var inTest = TestState.Sources.Any(s => s.filename == PathOf(LibrariesFile));
        var inFixed = FixedState.Sources.Any(s => s.filename == PathOf(LibrariesFile));
        if (inTest && !inFixed && FixedState.Sources.Count > 0)
        {
            FixedState.Sources.Insert(0, (PathOf(LibrariesFile), SourceText.From(Stubs.Libraries)));
        }
    }

    /// <summary>A program (top-level statements) rather than a library.</summary>
    public ServiceTest AsProgram()
    {
        TestState.OutputKind = OutputKind.ConsoleApplication;
        return this;
    }

    public ServiceTest WithBaseline(string json)
    {
        TestState.AdditionalFiles.Add((PathOf("TwelveFactor.baseline.json"), json));
        return this;
    }

    /// <summary>A rule's severity for the project, as the SDK's policy level sets it.</summary>
    public ServiceTest WithSeverity(string ruleId, ReportDiagnostic severity)
    {
        _severities[ruleId] = severity;
        return this;
    }

    public ServiceTest Expecting(params DiagnosticResult[] expected)
    {
        TestState.ExpectedDiagnostics.AddRange(expected);
        return this;
    }

    /// <summary>The findings that stay after the fixes (those no fix is offered for).</summary>
    public ServiceTest WithFixedExpected(params DiagnosticResult[] expected)
    {
        FixedState.ExpectedDiagnostics.AddRange(expected);
        return this;
    }

    protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() =>
        new DiagnosticAnalyzer[] { new TwelveFactorAnalyzer(), new BaselineSuppressor() };

    /// <summary>Every diagnostic the analyzers reported in the run, for what markup cannot state (properties).</summary>
    public List<Diagnostic> Reported { get; } = new();

    protected override ImmutableArray<(Project project, Diagnostic diagnostic)> FilterDiagnostics(ImmutableArray<(Project project, Diagnostic diagnostic)> diagnostics)
    {
        var kept = base.FilterDiagnostics(diagnostics);
        Reported.AddRange(kept.Select(d => d.diagnostic));
        return kept;
    }

    /// <summary>Every fix the analyzer assembly exports, as the IDE and dotnet format find them.</summary>
    protected override IEnumerable<CodeFixProvider> GetCodeFixProviders() => ShippedFixes;
}
