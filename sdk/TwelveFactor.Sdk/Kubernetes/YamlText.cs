using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TwelveFactor.Sdk.Kubernetes;

/// <summary>
/// Writes a JSON tree as block-style YAML, the form people read and review in a deploy repository. Strings are
/// written plain only where YAML cannot read them as anything but the same string (no booleans, numbers, nulls or
/// indicators); everything else is double-quoted with JSON's escapes, which YAML reads the same way.
/// </summary>
public static class YamlText
{
    private const int Indent = 2;

    public static string Write(JsonObject document)
    {
        var text = new StringBuilder();
        WriteObject(text, document, 0);
        return text.ToString();
    }

    /// <summary>Several documents in one stream, separated by '---'.</summary>
    public static string WriteAll(IEnumerable<JsonObject> documents) =>
        string.Join("---\n", documents.Select(Write));

    private static void WriteObject(StringBuilder text, JsonObject node, int indent)
    {
        var first = true;
        foreach (var (key, value) in node)
        {
            if (!first || indent > 0)
            {
                text.Append(' ', indent);
            }

            first = false;
            WriteMember(text, key, value, indent);
        }
    }

    private static void WriteMember(StringBuilder text, string key, JsonNode? value, int indent)
    {
        text.Append(Scalar(key)).Append(':');
        switch (value)
        {
            case JsonObject child when child.Count > 0:
                text.Append('\n');
                WriteObject(text, child, indent + Indent);
                break;
            case JsonArray items when items.Count > 0:
                text.Append('\n');
                WriteArray(text, items, indent);
                break;
            default:
                text.Append(' ').Append(Leaf(value)).Append('\n');
                break;
        }
    }

    // Sequences under a key sit at the key's own indentation, as kubectl writes them.
    private static void WriteArray(StringBuilder text, JsonArray items, int indent)
    {
        foreach (var item in items)
        {
            text.Append(' ', indent).Append("- ");
            if (item is JsonObject element && element.Count > 0)
            {
                var first = true;
                foreach (var (key, value) in element)
                {
                    if (!first)
                    {
                        text.Append(' ', indent + Indent);
                    }

                    first = false;
                    WriteMember(text, key, value, indent + Indent);
                }
            }
            else
            {
                text.Append(Leaf(item)).Append('\n');
            }
        }
    }

    private static string Leaf(JsonNode? value) => value switch
    {
        null => "null",
        JsonObject => "{}",
        JsonArray => "[]",
        JsonValue scalar when scalar.GetValueKind() == JsonValueKind.String => Scalar(scalar.GetValue<string>()),
        _ => value.ToJsonString(),
    };

    /// <summary>The string as a YAML scalar: plain when that cannot be misread, double-quoted otherwise.</summary>
    public static string Scalar(string value) => IsPlainSafe(value) ? value : JsonSerializer.Serialize(value);

    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "true", "false", "yes", "no", "on", "off", "y", "n", "null", "~",
    };

    private static bool IsPlainSafe(string value)
    {
        if (value.Length == 0 || Reserved.Contains(value) || !(char.IsAsciiLetter(value[0]) || value[0] == '/'))
        {
            return false;
        }

        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/' or ':' or '@' or '='))
            {
                return false;
            }
        }

        // ": " cannot occur (no spaces); a trailing ':' would read as a key.
        return !value.EndsWith(':');
    }
}
