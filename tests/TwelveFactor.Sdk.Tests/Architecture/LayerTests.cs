using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TwelveFactor.Sdk.Testing;

namespace TwelveFactor.Sdk.Tests.Architecture;

/// <summary>
/// The layers of docs/architecture.md: each folder of sdk/TwelveFactor.Sdk (one namespace each) uses only the
/// layers below it. Read with the compiler's semantic model, so that a using, a qualified name or a type reached
/// through a parent namespace all count.
/// </summary>
public class LayerTests
{
    private const string Prefix = "TwelveFactor.Sdk.";

    private static readonly string[] Families = { "Composition", "Config", "Containers", "Dependencies", "Kubernetes", "ShippedConfig" };

    private static readonly string[] Layers = { "Catalog", "Policy", "Reading", "Knowledge" };

    /// <summary>What each namespace may use besides itself; Tasks, the MSBuild surface, may use everything.</summary>
    private static readonly Dictionary<string, string[]> MayUse = new()
    {
        ["Catalog"] = Array.Empty<string>(),
        ["Policy"] = new[] { "Catalog" },
        ["Reading"] = new[] { "Catalog", "Policy" },
        ["Knowledge"] = new[] { "Catalog", "Policy", "Reading" },
        ["Release"] = Layers,
        ["Assessment"] = Layers,
        ["Fixing"] = Layers,
        ["Composition"] = Layers,
        ["Config"] = Layers,
        ["Containers"] = Layers,
        ["Dependencies"] = Layers,
        ["Kubernetes"] = Layers,
        ["ShippedConfig"] = Layers,
    };

    [Fact]
    public void Every_folder_of_the_SDK_uses_only_the_layers_below_it()
    {
        var folder = Path.Combine(RepositoryLayout.Root, "sdk", "TwelveFactor.Sdk");
        var sources = Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(path => !IsBuildOutput(Path.GetRelativePath(folder, path)))
            .ToDictionary(path => Path.GetRelativePath(folder, path), File.ReadAllText);

        var unplaced = sources.Select(s => Namespace(s.Value)).Where(n => n is not null).Select(n => Part(n!))
            .Where(n => n != "Tasks" && !MayUse.ContainsKey(n)).Distinct().ToList();
        Assert.True(unplaced.Count == 0, "Folders without a place in the layers: " + string.Join(", ", unplaced));
        Assert.Empty(Violations(sources));
    }

    [Fact]
    public void A_layer_reaching_into_one_above_it_is_named()
    {
        var sources = new Dictionary<string, string>
        {
            ["Catalog/Rule.cs"] = "namespace TwelveFactor.Sdk.Catalog;\npublic static class Rule { public static int Count => Policy.Finding.Count; }",
            ["Policy/Finding.cs"] = "namespace TwelveFactor.Sdk.Policy;\npublic static class Finding { public static int Count => 1; }",
            ["Config/SecretRule.cs"] = "using TwelveFactor.Sdk.Containers;\nnamespace TwelveFactor.Sdk.Config;\npublic static class SecretRule { public static int Count => Dockerfile.Count + Policy.Finding.Count; }",
            ["Containers/Dockerfile.cs"] = "namespace TwelveFactor.Sdk.Containers;\npublic static class Dockerfile { public static int Count => 2; }",
        };

        Assert.Equal(
            new[] { "Catalog/Rule.cs(2,62): Catalog uses TwelveFactor.Sdk.Policy.Finding", "Config/SecretRule.cs(3,61): Config uses TwelveFactor.Sdk.Containers.Dockerfile" },
            Violations(sources));
    }

    private static bool IsBuildOutput(string relativePath) =>
        relativePath.StartsWith("obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal) ||
        relativePath.StartsWith("bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private static List<string> Violations(IReadOnlyDictionary<string, string> sources)
    {
        var trees = sources.Select(s => CSharpSyntaxTree.ParseText(s.Value, new CSharpParseOptions(LanguageVersion.Latest), path: s.Key.Replace('\\', '/'))).ToList();
        var compilation = CSharpCompilation.Create("Layers", trees, References(), new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var violations = new List<string>();
        var named = new HashSet<(string File, string Type)>();
        foreach (var tree in trees)
        {
            var own = Namespace(tree.ToString());
            if (own is null || !own.StartsWith(Prefix, StringComparison.Ordinal) || Part(own) == "Tasks")
            {
                continue;
            }

            var layer = Part(own);
            var allowed = MayUse.TryGetValue(layer, out var below) ? below : Array.Empty<string>();
            var model = compilation.GetSemanticModel(tree);
            foreach (var name in tree.GetRoot().DescendantNodes().OfType<SimpleNameSyntax>())
            {
                var symbol = model.GetSymbolInfo(name).Symbol;
                var type = symbol as INamedTypeSymbol ?? symbol?.ContainingType;
                var used = type?.ContainingNamespace?.ToDisplayString() ?? "";
                if (!used.StartsWith(Prefix, StringComparison.Ordinal))
                {
                    continue;
                }

                var usedLayer = Part(used);
                if (usedLayer != layer && !allowed.Contains(usedLayer) && named.Add((tree.FilePath, type!.ToDisplayString())))
                {
                    var position = name.GetLocation().GetLineSpan().StartLinePosition;
                    violations.Add($"{tree.FilePath}({position.Line + 1},{position.Character + 1}): {layer} uses {type!.ToDisplayString()}");
                }
            }
        }

        return violations;
    }

    private static IEnumerable<MetadataReference> References() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Concat(new[] { typeof(Microsoft.Build.Framework.ITask).Assembly.Location, typeof(Microsoft.Build.Utilities.Task).Assembly.Location })
            .Distinct()
            .Select(path => MetadataReference.CreateFromFile(path));

    private static string? Namespace(string source)
    {
        var match = System.Text.RegularExpressions.Regex.Match(source, @"^namespace ([\w.]+)", System.Text.RegularExpressions.RegexOptions.Multiline);
        return match.Success ? match.Groups[1].Value : null;
    }

    /// <summary>"Knowledge" for TwelveFactor.Sdk.Knowledge (and any namespace below it).</summary>
    private static string Part(string ns) => ns.StartsWith(Prefix, StringComparison.Ordinal) ? ns.Substring(Prefix.Length).Split('.')[0] : ns;
}
