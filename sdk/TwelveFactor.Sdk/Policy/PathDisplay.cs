namespace TwelveFactor.Sdk.Policy;

public static class PathDisplay
{
    /// <summary>A path relative to <paramref name="baseDirectory"/> with forward slashes; empty for no file.</summary>
    public static string Relative(string baseDirectory, string file) => Fingerprint.RelativeFile(baseDirectory, file);

    /// <summary>True when <paramref name="path"/> is <paramref name="directory"/> or lies below it.</summary>
    public static bool IsUnder(string path, string directory)
    {
        var full = Path.GetFullPath(path);
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory));
        var comparison = OperatingSystem.IsLinux() ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
        return full.Equals(root, comparison)
            || full.StartsWith(root + Path.DirectorySeparatorChar, comparison)
            || full.StartsWith(root + Path.AltDirectorySeparatorChar, comparison);
    }
}
