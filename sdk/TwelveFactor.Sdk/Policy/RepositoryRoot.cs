namespace TwelveFactor.Sdk.Policy;

public static class RepositoryRoot
{
    /// <summary>
    /// The nearest folder at or above <paramref name="start"/> holding .git (a folder, or a file for worktrees
    /// and submodules); null outside a repository.
    /// </summary>
    public static string? Find(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            var git = Path.Combine(directory.FullName, ".git");
            if (Directory.Exists(git) || File.Exists(git))
            {
                return directory.FullName;
            }
        }

        return null;
    }
}
