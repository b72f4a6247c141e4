using System.Text;

namespace TwelveFactor.Sdk.Reading;

/// <summary>
/// Turns offsets in a text into 1-based lines and columns (in characters): offsets in a string, or byte offsets
/// in UTF-8 (what System.Text.Json reports) when made with <see cref="ForUtf8"/>. Byte offsets of one line are
/// asked for in order, so its characters are counted on from the last offset asked for, not from the line's
/// start: a long line costs its length once, not once per value on it.
/// </summary>
public sealed class TextPositions
{
    private readonly List<int> _lineStarts = new();

    /// <summary>The UTF-8 bytes the offsets count, or null when they count a string's characters.</summary>
    private readonly byte[]? _utf8;

    private int _lastLine = -1;
    private int _lastOffset;
    private int _lastColumn;

    public TextPositions(string text)
    {
        _lineStarts.Add(0);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                _lineStarts.Add(i + 1);
            }
        }
    }

    private TextPositions(byte[] utf8, int start)
    {
        _utf8 = utf8;
        _lineStarts.Add(start);
        for (var i = start; i < utf8.Length; i++)
        {
            if (utf8[i] == (byte)'\n')
            {
                _lineStarts.Add(i + 1);
            }
        }
    }

    public int LineCount => _lineStarts.Count;

    /// <summary>Positions of byte offsets in UTF-8 text whose first line starts at <paramref name="start"/> (after a BOM).</summary>
    public static TextPositions ForUtf8(byte[] utf8, int start) => new(utf8, start);

    public (int Line, int Column) At(int offset)
    {
        var index = _lineStarts.BinarySearch(offset);
        if (index < 0)
        {
            index = ~index - 1;
        }

        index = Math.Max(0, index);
        var lineStart = _lineStarts[index];
        if (_utf8 is null)
        {
            return (index + 1, offset - lineStart + 1);
        }

        var (from, column) = index == _lastLine && offset >= _lastOffset ? (_lastOffset, _lastColumn) : (lineStart, 0);
        column += Encoding.UTF8.GetCharCount(_utf8, from, offset - from);
        (_lastLine, _lastOffset, _lastColumn) = (index, offset, column);
        return (index + 1, column + 1);
    }

    /// <summary>The offset of the first character of a 1-based line.</summary>
    public int LineStart(int line) => _lineStarts[Math.Min(Math.Max(line, 1), _lineStarts.Count) - 1];
}
