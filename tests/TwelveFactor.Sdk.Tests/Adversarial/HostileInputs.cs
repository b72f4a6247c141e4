using System.Text;

namespace TwelveFactor.Sdk.Tests.Adversarial;

/// <summary>
/// Generated inputs that attack a reader rather than configure a service: nesting past any sane depth, values
/// and lines long enough to expose quadratic work, binary noise, invalid UTF-8, and the shapes that made regular
/// expressions backtrack. Every reader of a file the user controls must survive each of them (see
/// <see cref="FileReaders"/>).
/// </summary>
public static class HostileInputs
{
    public static IEnumerable<(string Name, byte[] Content)> All()
    {
        yield return ("empty", Array.Empty<byte>());
        yield return ("deep arrays", Repeat("[", 100_000));
        yield return ("deep closed arrays", Text(new string('[', 60_000) + new string(']', 60_000)));
        yield return ("deep objects", Repeat("{\"a\":", 60_000));
        yield return ("deep baseline", Text("{\"version\":1,\"findings\":" + new string('[', 100_000) + new string(']', 100_000) + "}"));
        yield return ("long key over many values", Text("{\"" + new string('k', 100_000) + "\":[" + string.Join(",", Enumerable.Repeat("1", 400_000)) + "]}"));
        yield return ("long line of values", Text("{" + string.Concat(Enumerable.Repeat("\"a\":1,", 200_000)) + "\"b\":2}"));
        yield return ("example words under a password key", Text("{\"Password\":\"" + string.Concat(Enumerable.Repeat("your", 40_000)) + "\"}"));
        yield return ("long hex attribute", Text("<configuration><add key=\"Db\" value=\"" + new string('a', 120_000) + "\n</configuration>"));
        yield return ("unclosed attribute names", Text("<add " + new string('k', 120_000)));
        yield return ("comment openers", Repeat("<!--", 40_000));
        yield return ("element openers", Repeat("<a ", 60_000));
        yield return ("continuation lines", Repeat("RUN echo \\\n", 100_000));
        yield return ("URL-like noise", Repeat("postgres://u:p@", 40_000));
        yield return ("key=value noise", Repeat("Password=;", 100_000));
        yield return ("binary", Binary(512 * 1024));
        yield return ("invalid UTF-8", Concat(Text("{\"ConnectionStrings\":{\"Db\":\"Host=db;Password="), new byte[] { 0xC3, 0x28, 0xFF, 0xFE }, Text("\"},\"Urls\":\"http://0.0.0.0:80\"}")));
        yield return ("NUL bytes", new byte[256 * 1024]);
        yield return ("UTF-16 with a byte order mark", Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("{\"Password\":\"hunter2hunter2\"}")).ToArray());
    }

    /// <summary>A file just over the size a reader will read.</summary>
    public static byte[] OverSized() => Text("{\"Password\":\"Sup3r-Secret-Value!\"," + new string(' ', 4 * 1024 * 1024) + "}");

    public static byte[] Text(string text) => Encoding.UTF8.GetBytes(text);

    public static byte[] Repeat(string unit, int count) => Text(string.Concat(Enumerable.Repeat(unit, count)));

    private static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();

    private static byte[] Binary(int length)
    {
        var bytes = new byte[length];
        new Random(11).NextBytes(bytes);
        return bytes;
    }
}
