using System.Text.Json;

namespace TwelveFactor.Sdk.Reading;

/// <summary>
/// What NuGet's last restore of a project says of itself in <c>obj/project.nuget.cache</c>: whether it succeeded,
/// and the codes of the errors it logged (NU1101, NU1004, ...).
/// </summary>
public sealed record RestoreOutcome(bool Succeeded, IReadOnlyList<string> ErrorCodes)
{
    public const string CacheFileName = "project.nuget.cache";

    /// <summary>"restore failed (NU1101)": why what needs a restore could not run.</summary>
    public string Description => Succeeded ? "restore succeeded"
        : "restore failed" + (ErrorCodes.Count > 0 ? " (" + string.Join(", ", ErrorCodes) + ")" : "");

    /// <summary>The outcome the cache file records, or null when there is none (no restore yet) or it cannot be read.</summary>
    public static RestoreOutcome? Read(string cacheFile)
    {
        try
        {
            if (!File.Exists(cacheFile))
            {
                return null;
            }

            using var document = JsonDocument.Parse(InputFile.ReadBytes(cacheFile));
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("success", out var success) ||
                success.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                return null;
            }

            var codes = new List<string>();
            if (root.TryGetProperty("logs", out var logs) && logs.ValueKind == JsonValueKind.Array)
            {
                foreach (var log in logs.EnumerateArray())
                {
                    if (log.ValueKind == JsonValueKind.Object &&
                        log.TryGetProperty("level", out var level) && level.ValueKind == JsonValueKind.String &&
                        string.Equals(level.GetString(), "Error", StringComparison.OrdinalIgnoreCase) &&
                        log.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String &&
                        code.GetString() is { Length: > 0 } id && !codes.Contains(id))
                    {
                        codes.Add(id);
                    }
                }
            }

            return new RestoreOutcome(success.ValueKind == JsonValueKind.True, codes);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }
}
