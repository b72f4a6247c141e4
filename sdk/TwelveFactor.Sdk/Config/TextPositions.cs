namespace TwelveFactor.Sdk.Config;

/// <summary>Turns character offsets in a text into 1-based lines and columns.</summary>
public sealed class TextPositions
{
    private readonly List<int> _lineStarts = new() { 0 };

    public TextPositions(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                _lineStarts.Add(i + 1);
            }
        }
    }

    public int LineCount => _lineStarts.Count;

    public (int Line, int Column) At(int offset)
    {
        var index = _lineStarts.BinarySearch(offset);
        if (index < 0)
        {
            index = ~index - 1;
        }

        return (index + 1, offset - _lineStarts[index] + 1);
    }

    /// <summary>The offset of the first character of a 1-based line.</summary>
    public int LineStart(int line) => _lineStarts[Math.Min(Math.Max(line, 1), _lineStarts.Count) - 1];
}
