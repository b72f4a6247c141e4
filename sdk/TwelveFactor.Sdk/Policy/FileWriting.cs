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
}
