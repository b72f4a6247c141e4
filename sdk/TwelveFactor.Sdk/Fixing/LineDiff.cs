namespace TwelveFactor.Sdk.Fixing;

/// <summary>
/// A unified diff of a file before and after its fixes, for the dry run: the changed lines, with a line of
/// context on each side, one hunk per run of changed lines.
/// </summary>
public static class LineDiff
{
    public static IEnumerable<string> Unified(string displayPath, string before, string after)
    {
        var a = Lines(before);
        var b = Lines(after);
        yield return "--- a/" + displayPath;
        yield return "+++ b/" + displayPath;
        if (a.Length != b.Length)
        {
            // The fixes replace text within lines; a changed line count is shown whole.
            yield return $"@@ -1,{a.Length} +1,{b.Length} @@";
            foreach (var line in a)
            {
                yield return "-" + line;
            }

            foreach (var line in b)
            {
                yield return "+" + line;
            }

            yield break;
        }

        // Runs of consecutive changed lines, each shown with the line before and after it.
        var i = 0;
        while (i < a.Length)
        {
            if (a[i] == b[i])
            {
                i++;
                continue;
            }

            var to = i;
            while (to + 1 < a.Length && a[to + 1] != b[to + 1])
            {
                to++;
            }

            var start = Math.Max(i - 1, 0);
            var end = Math.Min(to + 1, a.Length - 1);
            yield return $"@@ -{start + 1},{end - start + 1} +{start + 1},{end - start + 1} @@";
            for (var line = start; line < i; line++)
            {
                yield return " " + a[line];
            }

            for (var line = i; line <= to; line++)
            {
                yield return "-" + a[line];
            }

            for (var line = i; line <= to; line++)
            {
                yield return "+" + b[line];
            }

            for (var line = to + 1; line <= end; line++)
            {
                yield return " " + a[line];
            }

            i = end + 1;
        }
    }

    private static string[] Lines(string text) => text.Replace("\r\n", "\n").Split('\n');
}
