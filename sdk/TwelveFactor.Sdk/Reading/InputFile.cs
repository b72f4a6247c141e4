using System.Text;
using TwelveFactor.Sdk.Policy;

namespace TwelveFactor.Sdk.Reading;

/// <summary>
/// Reads a file a check looks at, without letting the file decide how long that takes. Only what a regular file
/// holds is read: FIFOs, sockets and devices report no size, and an entry of size 0 is never opened (opening a
/// FIFO waits for a writer forever). No more is read than the size the file had when it was looked at, so a
/// growing file cannot make the read endless, and nothing over <see cref="MaximumSize"/> is read at all: the
/// caller reports such a file as not checked (TF0003) rather than skip it without a word.
/// </summary>
public static class InputFile
{
    /// <summary>Config, Dockerfiles, baselines and lock files larger than this are not read (docs/rules/TF0003.md).</summary>
    public const long MaximumSize = 4 * 1024 * 1024;

    /// <summary>The file's bytes; <see cref="InputFileTooLargeException"/> past <see cref="MaximumSize"/>.</summary>
    public static byte[] ReadBytes(string path)
    {
        var length = new FileInfo(path).Length;
        if (length == 0)
        {
            return Array.Empty<byte>();
        }

        if (length > MaximumSize)
        {
            throw new InputFileTooLargeException(path, length);
        }

        var bytes = new byte[length];
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var read = 0;
        while (read < bytes.Length)
        {
            var count = stream.Read(bytes, read, bytes.Length - read);
            if (count == 0)
            {
                break;
            }

            read += count;
        }

        return read == bytes.Length ? bytes : bytes.AsSpan(0, read).ToArray();
    }

    /// <summary>The file's text, decoded as File.ReadAllText decodes it (UTF-8 unless a byte order mark says otherwise).</summary>
    public static string ReadText(string path) => Decode(ReadBytes(path));

    /// <summary>
    /// The file's text; or, when it cannot be read or is too large to check, null and a TF0003 finding added to
    /// <paramref name="findings"/> (its fingerprint key the path unless another is given).
    /// </summary>
    public static string? ReadTextOrReport(string path, ICollection<Finding> findings, string? fingerprintKey = null)
    {
        try
        {
            return ReadText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            findings.Add(Finding.UnreadableFile(path, ex, fingerprintKey ?? path));
            return null;
        }
    }

    /// <summary>
    /// What to say when reading a file failed unexpectedly: the exception's type and the file, not its message,
    /// which may quote the file's text (and the text may be a secret).
    /// </summary>
    public static string Failure(Exception ex, string path) => ex.GetType().Name + " while reading " + path;

    public static string Decode(byte[] bytes)
    {
        using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }
}

/// <summary>A file over <see cref="InputFile.MaximumSize"/>: not read, and reported as not checked.</summary>
public sealed class InputFileTooLargeException : IOException
{
    public InputFileTooLargeException(string path, long length)
        : base($"not checked: {length / (1024 * 1024)} MiB is more than the {InputFile.MaximumSize / (1024 * 1024)} MiB a checked file may hold (docs/rules/TF0003.md)")
    {
        Path = path;
    }

    public string Path { get; }
}
