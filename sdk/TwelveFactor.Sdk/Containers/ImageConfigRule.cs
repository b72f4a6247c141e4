using System.Globalization;
using System.Text.Json;
using TwelveFactor.Sdk.Catalog;
using TwelveFactor.Sdk.Knowledge;
using TwelveFactor.Sdk.Policy;
using TwelveFactor.Sdk.Reading;

namespace TwelveFactor.Sdk.Containers;

/// <summary>
/// Checks of the image configuration the SDK generated, where the base image's defaults are known: the
/// user it runs as (TF0901) and, for a web process, whether the declared ports are the ones the app binds (TF0703).
/// </summary>
public static class ImageConfigRule
{
    public static IEnumerable<Finding> Check(string projectFile, string configJson, string processType, string? appSettingsJson)
    {
        var config = ImageConfig.Parse(configJson);
        var project = SourceLocation.WholeFile(projectFile);
        if (ContainerUsers.IsRoot(config.User))
        {
            var baseName = config.Labels.TryGetValue("org.opencontainers.image.base.name", out var name) ? name : "the base image";
            yield return Finding.At(RuleIds.RunsAsRoot, project, "User",
                $"The image runs as root: '{baseName}' sets no non-root user (no USER, no APP_UID) and the project sets no ContainerUser");
        }

        if (!processType.Equals(ProcessTypes.Web, StringComparison.OrdinalIgnoreCase))
        {
            yield break;
        }

        // Both ways: a bound port nobody routes to, and a declared port nobody listens on.
        var bound = AppPorts.Bound(config.Environment, appSettingsJson);
        if (!bound.SetEquals(config.ExposedTcpPorts))
        {
            var declared = config.ExposedTcpPorts.Count == 0 ? "none" : string.Join(", ", config.ExposedTcpPorts.OrderBy(p => p));
            yield return Finding.At(RuleIds.ContainerPortMismatch, PortLocation(projectFile), "ports",
                declared, string.Join(", ", bound.OrderBy(p => p)));
        }
    }

    private static SourceLocation PortLocation(string projectFile) =>
        ProjectXml.FindFirstItem(projectFile, "ContainerPort")?.Location ?? SourceLocation.WholeFile(projectFile);
}

/// <summary>The parts of an OCI image configuration the checks read.</summary>
public sealed record ImageConfig(
    string User,
    IReadOnlyDictionary<string, string> Environment,
    IReadOnlySet<int> ExposedTcpPorts,
    IReadOnlyDictionary<string, string> Labels)
{
    public static ImageConfig Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var config = root.TryGetProperty("config", out var c) && c.ValueKind == JsonValueKind.Object ? c : root;
        string Text(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() ?? "" : "";

        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        if (config.TryGetProperty("Env", out var env) && env.ValueKind == JsonValueKind.Array)
        {
            foreach (var entry in env.EnumerateArray().Select(e => e.GetString() ?? ""))
            {
                var eq = entry.IndexOf('=');
                if (eq > 0)
                {
                    environment[entry[..eq]] = entry[(eq + 1)..];
                }
            }
        }

        var ports = new HashSet<int>();
        if (config.TryGetProperty("ExposedPorts", out var exposed) && exposed.ValueKind == JsonValueKind.Object)
        {
            foreach (var port in exposed.EnumerateObject())
            {
                var parts = port.Name.Split('/');
                if ((parts.Length == 1 || parts[1].Equals("tcp", StringComparison.OrdinalIgnoreCase)) &&
                    int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var number))
                {
                    ports.Add(number);
                }
            }
        }

        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (config.TryGetProperty("Labels", out var l) && l.ValueKind == JsonValueKind.Object)
        {
            foreach (var label in l.EnumerateObject())
            {
                labels[label.Name] = label.Value.ValueKind == JsonValueKind.String ? label.Value.GetString() ?? "" : label.Value.ToString();
            }
        }

        return new ImageConfig(Text(config, "User"), environment, ports, labels);
    }
}
