using System.Text.Json;
using TwelveFactor.Sdk.Catalog;
using TwelveFactor.Sdk.Policy;
using TwelveFactor.Sdk.Reading;

namespace TwelveFactor.Sdk.Dependencies;

/// <summary>TF0201 at build time (lock files switched off); and the lock file's own validity, read before restore.</summary>
public static class LockFileRule
{
    public static IEnumerable<Finding> Check(bool lockFileEnabled, string projectFile, IEnumerable<string> projectFiles)
    {
        if (!lockFileEnabled)
        {
            var location = projectFiles
                .Select(file => ProjectXml.FindProperty(file, "RestorePackagesWithLockFile")?.Location)
                .LastOrDefault(l => l is not null) ?? SourceLocation.WholeFile(projectFile);
            yield return Finding.At(RuleIds.LockFile, location, "disabled",
                "RestorePackagesWithLockFile is false, so restore writes no packages.lock.json");
        }
    }

    /// <summary>
    /// What is wrong with a lock file, or null when it parses as a NuGet lock file. Read before restore:
    /// outside locked mode NuGet silently rewrites a broken one.
    /// </summary>
    public static string? LockFileProblem(string path, out int line, out int column)
    {
        line = 0;
        column = 0;
        try
        {
            using var document = JsonDocument.Parse(InputFile.ReadBytes(path));
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("version", out _) ||
                !root.TryGetProperty("dependencies", out var dependencies) || dependencies.ValueKind != JsonValueKind.Object)
            {
                line = 1;
                column = 1;
                return "not a NuGet lock file (it needs 'version' and a 'dependencies' object); delete it and restore to write it again";
            }

            return null;
        }
        catch (JsonException ex)
        {
            line = (int)(ex.LineNumber ?? 0) + 1;
            column = (int)(ex.BytePositionInLine ?? 0) + 1;
            return $"invalid JSON at line {line}, position {column}; delete it and restore to write it again";
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return ex.Message;
        }
    }
}
