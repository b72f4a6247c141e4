namespace TwelveFactor.Sdk.Knowledge;

/// <summary>
/// System-wide assembly locations on every OS a project may be built on, matched whatever the build OS: the GAC,
/// framework and program folders, and the Unix library trees.
/// </summary>
public static class SystemFolders
{
    private static readonly string[] Markers =
    {
        "/windows/assembly/", "/windows/microsoft.net/", "/program files/", "/program files (x86)/",
        "/usr/lib/", "/usr/local/lib/", "/usr/share/", "/lib/", "/opt/", "/library/frameworks/",
    };

    /// <summary>
    /// True for a path in a system folder. <paramref name="normalized"/> is lower case with '/' separators and no
    /// drive letter; Windows folders are found below any drive or root.
    /// </summary>
    public static bool Contain(string normalized) =>
        Markers.Any(marker => normalized.StartsWith(marker, StringComparison.Ordinal) || (marker.StartsWith("/windows", StringComparison.Ordinal) && normalized.Contains(marker)));
}
