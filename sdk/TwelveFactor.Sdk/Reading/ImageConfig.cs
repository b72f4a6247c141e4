using System.Globalization;
using System.Text.Json;

namespace TwelveFactor.Sdk.Reading;

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
