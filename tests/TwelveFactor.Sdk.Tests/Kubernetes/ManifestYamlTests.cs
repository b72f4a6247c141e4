using TwelveFactor.Sdk.Kubernetes;

namespace TwelveFactor.Sdk.Tests.Kubernetes;

public sealed class ManifestYamlTests
{
    [Fact]
    public void Reads_documents_mappings_sequences_at_the_keys_indentation_and_lines()
    {
        var (documents, problem) = ManifestYaml.Read("""
            # a comment
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: shop   # trailing comment
            spec:
              template:
                spec:
                  containers:
                  - name: web
                    image: "shop:1.0"
                    args: [serve, '--port', "80"]
                    env:
                      - name: A
                        value: 'it''s'
            ---
            kind: Service
            """);

        Assert.Null(problem);
        Assert.Equal(2, documents.Count);
        Assert.Equal("shop", documents[0]["metadata"]!["name"]!.Scalar);
        var container = documents[0]["spec"]!["template"]!["spec"]!["containers"]!.Items.Single();
        Assert.Equal("shop:1.0", container["image"]!.Scalar);
        Assert.Equal(11, container["image"]!.Line);
        Assert.Equal(new[] { "serve", "--port", "80" }, container["args"]!.Items.Select(a => a.Scalar));
        Assert.Equal("it's", container["env"]!.Items.Single()["value"]!.Scalar);
        Assert.Equal("Service", documents[1]["kind"]!.Scalar);
    }

    [Fact]
    public void Block_scalars_and_a_hash_inside_quotes_are_text()
    {
        var (documents, problem) = ManifestYaml.Read("""
            data:
              script: |
                echo "# not a comment"

                exit 0
              url: "http://x/#frag"
            """);

        Assert.Null(problem);
        Assert.Equal("echo \"# not a comment\"\n\nexit 0", documents[0]["data"]!["script"]!.Scalar);
        Assert.Equal("http://x/#frag", documents[0]["data"]!["url"]!.Scalar);
    }

    [Theory]
    [InlineData("a: 1\n  b: 2\n", 2)]
    [InlineData("a:\n\t- b\n", 2)]
    public void What_it_cannot_read_is_reported_with_its_line(string text, int line)
    {
        var (_, problem) = ManifestYaml.Read(text);

        Assert.NotNull(problem);
        Assert.Equal(line, problem!.Value.Line);
    }

    [Fact]
    public void Nesting_is_bounded()
    {
        var text = string.Concat(Enumerable.Range(0, 200).Select(i => new string(' ', i * 2) + "k:\n")) + new string(' ', 400) + "v: 1\n";

        var (_, problem) = ManifestYaml.Read(text);

        Assert.Contains("nesting deeper than", problem!.Value.Message);
    }

    [Fact]
    public void Large_input_reads_in_linear_time()
    {
        var item = "- name: c\n  image: x@sha256:abc\n  env:\n  - name: A\n    value: b\n";
        var text = "items:\n" + string.Concat(Enumerable.Repeat(item, 20_000));
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var (documents, problem) = ManifestYaml.Read(text);

        Assert.Null(problem);
        Assert.Equal(20_000, documents[0]["items"]!.Items.Count());
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), watch.Elapsed.ToString());
    }
}
