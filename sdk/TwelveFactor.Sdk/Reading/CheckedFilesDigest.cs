using System.Security.Cryptography;
using System.Text;

namespace TwelveFactor.Sdk.Reading;

/// <summary>
/// A digest of what the checked files hold, for deciding whether the checks must run again when a file's content
/// changed but its timestamp did not move forward (restored from an archive, copied with its times, touched back).
/// Keyed (HMAC-SHA256) with a random key kept in the user's profile, never beside the digest: a digest of a file
/// that holds a password is something derived from the password, and without the key it cannot be checked against
/// a word list. Files are read as every check reads them (<see cref="InputFile"/>: regular files only, bounded).
/// </summary>
public static class CheckedFilesDigest
{
    private const int KeyLength = 32;

    public static string Of(IEnumerable<string> files, byte[] key)
    {
        using var hmac = new HMACSHA256(key);
        foreach (var file in files.Select(Path.GetFullPath).Distinct(StringComparer.Ordinal).OrderBy(f => f, StringComparer.Ordinal))
        {
            Append(hmac, Encoding.UTF8.GetBytes(file));
            Append(hmac, ContentOf(file));
        }

        hmac.TransformFinalBlock(Array.Empty<byte>(), 0, 0);
        return Convert.ToHexString(hmac.Hash!);
    }

    /// <summary>The key in <paramref name="keyFile"/>, made on first use; a fresh one each time if it cannot be kept.</summary>
    public static byte[] KeyFrom(string keyFile)
    {
        try
        {
            if (File.Exists(keyFile))
            {
                var existing = InputFile.ReadBytes(keyFile);
                if (existing.Length == KeyLength)
                {
                    return existing;
                }
            }

            var key = RandomNumberGenerator.GetBytes(KeyLength);
            Directory.CreateDirectory(Path.GetDirectoryName(keyFile)!);
            var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, Share = FileShare.None };
            if (!OperatingSystem.IsWindows())
            {
                // Readable by its owner alone from the moment it exists.
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using (var stream = File.Open(keyFile, options))
            {
                stream.Write(key, 0, key.Length);
            }

            return key;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Without a kept key every digest differs, so the checks run every time: correct, only slower.
            return RandomNumberGenerator.GetBytes(KeyLength);
        }
    }

    /// <summary>The file's bytes; for one that is not read (too large, not a regular file, gone), why not.</summary>
    private static byte[] ContentOf(string file)
    {
        try
        {
            return File.Exists(file) ? InputFile.ReadBytes(file) : Encoding.UTF8.GetBytes("\0missing");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Its length and time then stand for its content: a file over the limit is reported as not checked anyway.
            var info = new FileInfo(file);
            return Encoding.UTF8.GetBytes("\0unread " + ex.GetType().Name + " " + (info.Exists ? info.Length + " " + info.LastWriteTimeUtc.Ticks : ""));
        }
    }

    private static void Append(HMACSHA256 hmac, byte[] bytes)
    {
        var length = BitConverter.GetBytes((long)bytes.Length);
        hmac.TransformBlock(length, 0, length.Length, null, 0);
        hmac.TransformBlock(bytes, 0, bytes.Length, null, 0);
    }
}
