namespace TwelveFactor.Templates.Tests;

/// <summary>Every variant of the template (--kind, --database) that the snapshot and workflow tests cover.</summary>
public static class TemplateVariants
{
    public static TheoryData<string, string> All => new()
    {
        { "all", "postgres" },
        { "web", "postgres" },
        { "worker", "postgres" },
        { "admin", "postgres" },
        { "all", "none" },
    };
}

/// <summary>`dotnet new 12f-service -n Orders` into a temporary folder of its own, deleted on dispose.</summary>
public sealed class GeneratedTree : IDisposable
{
    private GeneratedTree(string label, string[] options)
    {
        Root = Path.Combine(Path.GetTempPath(), "twelvefactor-tests", $"{label}-{Guid.NewGuid():N}", "Orders");
        Result = TemplateHive.Instance.New(Root, "Orders", options);
    }

    /// <summary>The service's folder (Orders/).</summary>
    public string Root { get; }

    public ProcessResult Result { get; }

    public static GeneratedTree New(string label, params string[] options) => new(label, options);

    public static GeneratedTree Variant(string label, string kind, string database) => new($"{label}-{kind}-{database}", ["--kind", kind, "--database", database]);

    public string PathOf(string relativePath) => Path.Combine(Root, relativePath);

    public void Dispose()
    {
        var folder = Path.GetDirectoryName(Root)!;
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
