using System.Text.Json.Nodes;
using TwelveFactor.Sdk.ContainerTests;

namespace TwelveFactor.Templates.Tests.Kubelet;

/// <summary>
/// An image pulled by digest from the registry and unpacked once, as a kubelet's image cache holds it: the root
/// file system (shared read-only by every container of the image), the runtime config umoci wrote for it, and the
/// entry point from the image configuration.
/// </summary>
public sealed class PodImage
{
    private PodImage(string reference, string bundle, IReadOnlyList<string> entrypoint, IReadOnlyList<string> command)
    {
        Reference = reference;
        Bundle = bundle;
        Entrypoint = entrypoint;
        Command = command;
    }

    public string Reference { get; }

    /// <summary>The unpacked bundle: rootfs/ and the config.json umoci generated from the image.</summary>
    public string Bundle { get; }

    public IReadOnlyList<string> Entrypoint { get; }

    public IReadOnlyList<string> Command { get; }

    /// <summary>Pulls <paramref name="reference"/> (registry/repository@sha256:...) into <paramref name="folder"/>.</summary>
    public static PodImage Pull(string reference, string folder)
    {
        Assert.Matches("@sha256:[0-9a-f]{64}$", reference);
        Directory.CreateDirectory(folder);
        var layout = Path.Combine(folder, "oci");
        Images.Run("copy", "-q", "--src-tls-verify=false", "docker://" + reference, $"oci:{layout}:pod");
        var bundle = Path.Combine(folder, "bundle");
        var unpack = ProcessRunner.Run("umoci", new[] { "unpack", "--image", $"{layout}:pod", bundle }, folder, timeout: TimeSpan.FromMinutes(2));
        Assert.True(unpack.ExitCode == 0, unpack.ToString());
        var config = Images.Config("docker://" + reference);
        return new PodImage(reference, bundle, Words(config, "Entrypoint"), Words(config, "Cmd"));
    }

    public JsonObject RuntimeConfig() => JsonNode.Parse(File.ReadAllText(Path.Combine(Bundle, "config.json")))!.AsObject();

    private static IReadOnlyList<string> Words(System.Text.Json.JsonElement config, string name) =>
        config.TryGetProperty(name, out var words) && words.ValueKind == System.Text.Json.JsonValueKind.Array
            ? words.EnumerateArray().Select(w => w.GetString()!).ToList()
            : Array.Empty<string>();
}
