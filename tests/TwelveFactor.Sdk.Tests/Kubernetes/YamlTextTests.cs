using System.Text.Json.Nodes;
using TwelveFactor.Sdk.Kubernetes;

namespace TwelveFactor.Sdk.Tests.Kubernetes;

public sealed class YamlTextTests
{
    [Theory]
    [InlineData("orders-web", "orders-web")]
    [InlineData("/healthz", "/healthz")]
    [InlineData("registry.example/orders@sha256:abc", "registry.example/orders@sha256:abc")]
    [InlineData("true", "\"true\"")]
    [InlineData("no", "\"no\"")]
    [InlineData("8080", "\"8080\"")]
    [InlineData("1.4.0", "\"1.4.0\"")]
    [InlineData("0 3 * * *", "\"0 3 * * *\"")]
    [InlineData("", "\"\"")]
    [InlineData("a: b", "\"a: b\"")]
    [InlineData("key:", "\"key:\"")]
    [InlineData("say \"hi\"\n", "\"say \\u0022hi\\u0022\\n\"")]
    public void Strings_are_plain_only_where_YAML_reads_them_back_as_the_same_string(string value, string expected) =>
        Assert.Equal(expected, YamlText.Scalar(value));

    [Fact]
    public void Objects_and_sequences_are_written_in_block_style()
    {
        var document = new JsonObject
        {
            ["kind"] = "List",
            ["spec"] = new JsonObject { ["replicas"] = 2, ["paused"] = false, ["empty"] = new JsonObject() },
            ["items"] = new JsonArray(new JsonObject { ["name"] = "a", ["args"] = new JsonArray("x", "z") }, "plain"),
            ["none"] = new JsonArray(),
        };

        Assert.Equal("""
            kind: List
            spec:
              replicas: 2
              paused: false
              empty: {}
            items:
            - name: a
              args:
              - x
              - z
            - plain
            none: []

            """.Replace("\r\n", "\n"), YamlText.Write(document));
    }
}
