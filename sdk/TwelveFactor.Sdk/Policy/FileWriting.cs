namespace TwelveFactor.Sdk.Policy;

public static class FileWriting
{
    /// <summary>
    /// Writes only when the bytes differ, so that a no-op build leaves the file's timestamp alone and the
    /// targets that take it as an input stay up to date.
    /// </summary>
    public static void WriteIfChanged(string path, byte[] content)
    {
        if (File.Exists(path))
        {
            var existing = File.ReadAllBytes(path);
            if (existing.AsSpan().SequenceEqual(content))
            {
                return;
            }
        }

        var directory = Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        File.WriteAllBytes(path, content);
    }

    /// <summary>
    /// Opens a lock file of the build's own for the caller alone, waiting up to <paramref name="timeout"/> for
    /// another build that holds it. The lock file stays: deleting it on close would let two writers lock two
    /// different files.
    /// </summary>
    public static FileStream AcquireLock(string path, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(50);
            }
        }
    }
}
