namespace TwelveFactor.Sdk.Testing;

/// <summary>Where the repository and its scratch folders are, seen from a test assembly.</summary>
public static class RepositoryLayout
{
    public static string Root { get; } = FindRoot();

    /// <summary>Scratch space kept between runs (restored third-party packages), ignored by git.</summary>
    public static string Scratch => Path.Combine(Root, "artifacts", "tmp");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "TwelveFactor.Sdk.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Cannot find TwelveFactor.Sdk.sln above " + AppContext.BaseDirectory);
    }
}
