/// <summary>What both benchmarks of this tool share: the projects of a folder, and the median of their rounds.</summary>
internal static class Projects
{
    /// <summary>Every project file under the folder but its package cache's, in a stable order.</summary>
    public static string[] In(string folder) =>
        Directory.GetFiles(folder, "*.csproj", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}.packages{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToArray();

    public static double Median(IEnumerable<double> values)
    {
        double[] sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }
}
