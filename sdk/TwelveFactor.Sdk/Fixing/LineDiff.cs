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
        if (before.Length == 0)
        {
            // A file the fixes create.
            yield return $"@@ -0,0 +1,{b.Length - (after.EndsWith('\n') ? 1 : 0)} @@";
            foreach (var line in after.EndsWith('\n') ? b.Take(b.Length - 1) : b)
            {
                yield return "+" + line;
            }

            yield break;
        }

        if (a.Length != b.Length)
        {
            // Lines added or removed: one hunk from the first changed line to the last, with a line of context.
            var prefix = 0;
            while (prefix < a.Length && prefix < b.Length && a[prefix] == b[prefix])
            {
                prefix++;
            }

            var suffix = 0;
            while (suffix < a.Length - prefix && suffix < b.Length - prefix && a[a.Length - 1 - suffix] == b[b.Length - 1 - suffix])
            {
                suffix++;
            }

            var from = Math.Max(prefix - 1, 0);
            var contextAfter = Math.Min(suffix, 1);
            var removed = a.Length - suffix - prefix;
            var inserted = b.Length - suffix - prefix;
            yield return $"@@ -{from + 1},{prefix - from + removed + contextAfter} +{from + 1},{prefix - from + inserted + contextAfter} @@";
            for (var line = from; line < prefix; line++)
            {
                yield return " " + a[line];
            }

            for (var line = prefix; line < prefix + removed; line++)
            {
                yield return "-" + a[line];
            }

            for (var line = prefix; line < prefix + inserted; line++)
            {
                yield return "+" + b[line];
            }

            for (var line = a.Length - suffix; line < a.Length - suffix + contextAfter; line++)
            {
                yield return " " + a[line];
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
