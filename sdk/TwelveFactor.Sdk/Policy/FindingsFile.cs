using System.Text.Json;
using System.Text.Json.Serialization;

namespace TwelveFactor.Sdk.Policy;

/// <summary>
/// The cache a check writes to obj/ and the reporter reads. Checks are incremental targets: when a check is
/// skipped its findings still come from this file, so a no-op build reports exactly what the last full one did.
/// </summary>
public static partial class FindingsFile
{
    /// <summary>
    /// Serialization code generated at compile time: reflection-based serialization would build its metadata
    /// (and emit accessors) in every build process that loads a check, tens of milliseconds a publish pays.
    /// </summary>
    [JsonSourceGenerationOptions(WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault)]
    [JsonSerializable(typeof(FindingsDocument))]
    private sealed partial class FindingsJson : JsonSerializerContext
    {
    }

    public static void Write(string path, IEnumerable<Finding> findings)
    {
        var directory = Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var dto = new FindingsDocument { Findings = findings.Select(FindingDto.From).ToList() };
        FileWriting.WriteIfChanged(path, JsonSerializer.SerializeToUtf8Bytes(dto, FindingsJson.Default.FindingsDocument));
    }

    /// <summary>
    /// Every finding of the given files; a file that cannot be read becomes a TF0003 finding naming it, so that
    /// a damaged file is reported rather than taken for a clean project.
    /// </summary>
    public static IEnumerable<Finding> ReadFiles(IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            IReadOnlyList<Finding> read;
            try
            {
                read = Read(path);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
            {
                read = new[] { Finding.UnreadableFile(path, ex, path, " (rebuild to refresh it)") };
            }

            foreach (var finding in read)
            {
                yield return finding;
            }
        }
    }

    /// <summary>Reads a findings file; a missing file holds no findings.</summary>
    public static IReadOnlyList<Finding> Read(string path)
    {
        if (!File.Exists(path))
        {
            return Array.Empty<Finding>();
        }

        var dto = JsonSerializer.Deserialize(File.ReadAllBytes(path), FindingsJson.Default.FindingsDocument)
            ?? new FindingsDocument();
        return dto.Findings.Select(f => f.ToFinding()).ToList();
    }

    private sealed class FindingsDocument
    {
        [JsonPropertyName("findings")]
        public List<FindingDto> Findings { get; set; } = new();
    }

    private sealed class FindingDto
    {
        [JsonPropertyName("ruleId")] public string RuleId { get; set; } = "";
        [JsonPropertyName("file")] public string File { get; set; } = "";
        [JsonPropertyName("line")] public int Line { get; set; }
        [JsonPropertyName("column")] public int Column { get; set; }
        [JsonPropertyName("endLine")] public int EndLine { get; set; }
        [JsonPropertyName("endColumn")] public int EndColumn { get; set; }
        [JsonPropertyName("arguments")] public List<string> Arguments { get; set; } = new();
        [JsonPropertyName("key")] public string Key { get; set; } = "";

        public static FindingDto From(Finding f) => new()
        {
            RuleId = f.RuleId, File = f.File, Line = f.Line, Column = f.Column, EndLine = f.EndLine,
            EndColumn = f.EndColumn, Arguments = f.Arguments.ToList(), Key = f.FingerprintKey,
        };

        public Finding ToFinding() =>
            new(RuleId, File, Line, Column, Arguments, Key) { EndLine = EndLine, EndColumn = EndColumn };
    }
}
