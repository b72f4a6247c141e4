using TwelveFactor.Sdk.Reading;

namespace TwelveFactor.Sdk.Tasks;

/// <summary>
/// A lock file that did not exist before restore, to be removed again if the restore fails: NuGet writes one even
/// then, listing none of the packages, and a developer who commits it breaks every locked restore after. MSBuild
/// runs no target after a failed restore, so this is registered with the build engine for the build's lifetime
/// and looks at the restore's outcome when the build ends.
/// </summary>
public sealed class FailedRestoreLockFile : IDisposable
{
    private readonly string _lockFile;
    private readonly string _restoreCacheFile;

    public FailedRestoreLockFile(string lockFile, string restoreCacheFile)
    {
        _lockFile = lockFile;
        _restoreCacheFile = restoreCacheFile;
    }

    public void Dispose()
    {
        try
        {
            if (File.Exists(_lockFile) && RestoreOutcome.Read(_restoreCacheFile) is { Succeeded: false })
            {
                File.Delete(_lockFile);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Nothing can be logged when the build has ended; the next restore rewrites the file.
        }
    }
}
