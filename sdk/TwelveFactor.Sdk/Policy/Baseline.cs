using System.Text.Json;
using TwelveFactor.Sdk.Catalog;

namespace TwelveFactor.Sdk.Policy;

/// <summary>
/// TwelveFactor.baseline.json: the findings a project has accepted for now. Entries match by rule and
/// fingerprint; file and message are there for the people reading the file.
/// </summary>
public sealed class Baseline
{
    public const int FormatVersion = 1;

    public Baseline(IReadOnlyList<BaselineEntry> entries) => Entries = entries;

    public IReadOnlyList<BaselineEntry> Entries { get; }

    public static Baseline Empty { get; } = new(Array.Empty<BaselineEntry>());

    /// <summary>
    /// Reads a baseline's UTF-8 JSON; throws <see cref="BaselineFormatException"/> naming what is wrong. The file
    /// itself is read by Reading's BaselineReader, which bounds what it reads.
    /// </summary>
    public static Baseline Parse(byte[] utf8Json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8Json, new JsonDocumentOptions
            {
                CommentHandling = JsonCommentHandling.Skip,
                AllowTrailingCommas = true,
            });
        }
        catch (JsonException ex)
        {
            throw new BaselineFormatException(
                $"invalid JSON at line {(ex.LineNumber ?? 0) + 1}, position {(ex.BytePositionInLine ?? 0) + 1}",
                (int)(ex.LineNumber ?? 0) + 1, (int)(ex.BytePositionInLine ?? 0) + 1);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new BaselineFormatException("the top level must be an object with a 'findings' array", 1, 1);
            }

            if (root.TryGetProperty("version", out var version) &&
                (version.ValueKind != JsonValueKind.Number || !version.TryGetInt32(out var number) || number != FormatVersion))
            {
                throw new BaselineFormatException($"'version' must be {FormatVersion}", 1, 1);
            }

            if (!root.TryGetProperty("findings", out var findings) || findings.ValueKind != JsonValueKind.Array)
            {
                throw new BaselineFormatException("'findings' must be an array", 1, 1);
            }

            var entries = new List<BaselineEntry>();
            var index = 0;
            foreach (var item in findings.EnumerateArray())
            {
                string? Text(string name) =>
                    item.ValueKind == JsonValueKind.Object && item.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String
                        ? p.GetString()
                        : null;

                var ruleId = Text("ruleId");
                var fingerprint = Text("fingerprint");
                if (string.IsNullOrEmpty(ruleId) || string.IsNullOrEmpty(fingerprint))
                {
                    throw new BaselineFormatException($"entry {index + 1} of 'findings' needs a 'ruleId' and a 'fingerprint'", 1, 1);
                }

                entries.Add(new BaselineEntry(ruleId!, fingerprint!, Text("file") ?? "", Text("message") ?? ""));
                index++;
            }

            return new Baseline(entries);
        }
    }

    public void Save(string path)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteNumber("version", FormatVersion);
            writer.WriteString("tool", "TwelveFactor.Sdk");
            writer.WriteString("comment", "Findings accepted for now. Run 'dotnet build -t:TwelveFactorBaseline' to refresh; remove entries as you fix them.");
            writer.WriteStartArray("findings");
            foreach (var entry in Entries.OrderBy(e => e.File, StringComparer.Ordinal).ThenBy(e => e.RuleId, StringComparer.Ordinal).ThenBy(e => e.Fingerprint, StringComparer.Ordinal))
            {
                writer.WriteStartObject();
                writer.WriteString("ruleId", entry.RuleId);
                writer.WriteString("fingerprint", entry.Fingerprint);
                writer.WriteString("file", entry.File);
                writer.WriteString("message", entry.Message);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        stream.WriteByte((byte)'\n');
        FileWriting.WriteIfChanged(path, stream.ToArray());
    }
}

public sealed record BaselineEntry(string RuleId, string Fingerprint, string File, string Message);

public sealed class BaselineFormatException : Exception
{
    public BaselineFormatException(string message, int line, int column) : base(message)
    {
        Line = line;
        Column = column;
    }

    public int Line { get; }

    public int Column { get; }
}
