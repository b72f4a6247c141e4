using System.Text;
using TwelveFactor.Sdk.Reading;

namespace TwelveFactor.Sdk.Fixing;

/// <summary>
/// Reads (as every checked file is read, through <see cref="InputFile"/>) and writes a text file so that a
/// byte-order mark and every untouched byte survive.
/// </summary>
public static class TextFiles
{
    private static readonly byte[] Utf8Mark = { 0xEF, 0xBB, 0xBF };

    public static string Read(string path, out bool hasMark)
    {
        var bytes = InputFile.ReadBytes(path);
        hasMark = bytes.Length >= 3 && bytes[0] == Utf8Mark[0] && bytes[1] == Utf8Mark[1] && bytes[2] == Utf8Mark[2];
        return new UTF8Encoding(false).GetString(bytes, hasMark ? 3 : 0, bytes.Length - (hasMark ? 3 : 0));
    }

    public static void Write(string path, string text, bool hasMark)
    {
        var body = new UTF8Encoding(false).GetBytes(text);
        File.WriteAllBytes(path, hasMark ? Utf8Mark.Concat(body).ToArray() : body);
    }
}
