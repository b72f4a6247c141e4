using System.Text.Json;

namespace TwelveFactor.Sdk.ContainerTests;

/// <summary>skopeo against the test registry and tarballs.</summary>
public static class Images
{
    public static JsonElement Config(string reference) => Json("inspect", "--tls-verify=false", "--config", reference).GetProperty("config");

    public static string Digest(string reference) => Run("inspect", "--tls-verify=false", "--format", "{{.Digest}}", reference).Trim();

    public static IReadOnlyList<string> Tags(string repositoryReference) =>
        Json("list-tags", "--tls-verify=false", repositoryReference).GetProperty("Tags").EnumerateArray().Select(t => t.GetString()!).ToList();

    public static Dictionary<string, string> Labels(JsonElement config) =>
        config.GetProperty("Labels").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? "");

    public static string Run(params string[] arguments)
    {
        var result = ProcessRunner.Run("skopeo", arguments, Path.GetTempPath(), timeout: TimeSpan.FromMinutes(2));
        Assert.True(result.ExitCode == 0, "skopeo " + string.Join(' ', arguments) + "\n" + result.Output);
        return result.Output;
    }

    private static JsonElement Json(params string[] arguments) => JsonDocument.Parse(Run(arguments)).RootElement.Clone();
}
