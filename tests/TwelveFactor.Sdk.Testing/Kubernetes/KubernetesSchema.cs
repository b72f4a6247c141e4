using System.Text.Json;

namespace TwelveFactor.Sdk.Testing;

/// <summary>
/// Validates Kubernetes manifests against the API schema, offline: npm's kubernetes-models 5.1.0 (validators
/// generated from the Kubernetes OpenAPI document; PyPI's kubeconform-style validators are not reachable here)
/// and yaml 2.9.1 (a YAML 1.2 parser that rejects duplicate keys). They are installed once per machine and
/// version into artifacts/tmp/npm, which the test runs share; node and npm must be on PATH.
/// </summary>
public static class KubernetesSchema
{
    public const string ModelsPackage = "kubernetes-models@5.1.0";
    public const string YamlPackage = "yaml@2.9.1";

    private static readonly Lazy<string> Installed = new(Install, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Why the validator cannot run here, or null when it can.</summary>
    public static string? Unavailable { get; } = FindProblem();

    /// <summary>One result per YAML document in the files.</summary>
    public static IReadOnlyList<SchemaResult> Validate(IEnumerable<string> files)
    {
        var folder = Installed.Value;
        var script = Path.Combine(AppContext.BaseDirectory, "Kubernetes", "validate-manifests.mjs");
        var copy = Path.Combine(folder, "validate-manifests.mjs");
        File.Copy(script, copy, overwrite: true);
        var result = ProcessRunner.Run("node", new[] { copy }.Concat(files), folder, timeout: TimeSpan.FromMinutes(2));
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException("the schema validator failed:\n" + result.Output);
        }

        return result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(line => line.StartsWith('{'))
            .Select(line => JsonSerializer.Deserialize<SchemaResult>(line, new JsonSerializerOptions(JsonSerializerDefaults.Web))!)
            .ToList();
    }

    private static string Install()
    {
        var folder = Path.Combine(RepositoryLayout.Scratch, "npm", "kubernetes-models-5.1.0");
        if (File.Exists(Path.Combine(folder, "installed")))
        {
            return folder;
        }

        // Installed beside and moved into place, so that a run interrupted half-way leaves nothing half-installed.
        var staging = folder + "-" + Guid.NewGuid().ToString("N")[..8];
        Directory.CreateDirectory(staging);
        File.WriteAllText(Path.Combine(staging, "package.json"), "{ \"private\": true, \"type\": \"module\" }\n");
        var install = ProcessRunner.Run("npm", new[] { "install", "--no-audit", "--no-fund", "--save-exact", ModelsPackage, YamlPackage }, staging,
            timeout: TimeSpan.FromMinutes(3));
        if (install.ExitCode != 0)
        {
            throw new InvalidOperationException($"npm install {ModelsPackage} {YamlPackage} failed:\n{install.Output}");
        }

        File.WriteAllText(Path.Combine(staging, "installed"), "");
        try
        {
            Directory.Move(staging, folder);
        }
        catch (IOException) when (File.Exists(Path.Combine(folder, "installed")))
        {
            // Another test run installed it first.
            Directory.Delete(staging, recursive: true);
        }

        return folder;
    }

    private static string? FindProblem()
    {
        var path = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator);
        var missing = new[] { "node", "npm" }.Where(tool => !path.Any(dir => File.Exists(Path.Combine(dir, tool)))).ToList();
        return missing.Count == 0 ? null : "not installed: " + string.Join(", ", missing) + " (the Kubernetes schema validator runs on node)";
    }
}

/// <summary>One YAML document's result; Error is null when it is valid, and Object is then the document as JSON.</summary>
public sealed record SchemaResult(string File, string? ApiVersion, string? Kind, string? Name, string? Error, System.Text.Json.Nodes.JsonObject? Object = null)
{
    public override string ToString() => $"{Path.GetFileName(File)}: {Kind} {Name}: {Error ?? "valid"}";
}
