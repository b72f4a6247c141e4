namespace TwelveFactor.Sdk.Reading;

/// <summary>The lines of a text, numbered from 1, without their line ends ('\n' or "\r\n"), in one pass.</summary>
public static class TextLines
{
    public static IEnumerable<(int Number, string Line)> Of(string text)
    {
        var number = 0;
        var start = 0;
        while (start <= text.Length)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0)
            {
                end = text.Length;
            }

            number++;
            yield return (number, text.Substring(start, end - start).TrimEnd('\r'));
            start = end + 1;
        }
    }
}
