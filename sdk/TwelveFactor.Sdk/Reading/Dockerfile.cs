namespace TwelveFactor.Sdk.Reading;

/// <summary>One instruction of a Dockerfile: its keyword (upper case), its arguments with continuations joined, and where it starts.</summary>
public sealed record DockerfileInstruction(string Keyword, string Arguments, int Line, int Column, int Stage);

/// <summary>
/// Reads a Dockerfile into instructions: comments and parser directives dropped, line continuations joined
/// (with the escape character the `# escape=` directive sets), each instruction numbered by build stage.
/// </summary>
public static class Dockerfile
{
    public static IReadOnlyList<DockerfileInstruction> Parse(string text)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        var escape = '\\';
        var instructions = new List<DockerfileInstruction>();
        var stage = -1;
        var inDirectives = true;
        for (var index = 0; index < lines.Length; index++)
        {
            var line = lines[index];
            var trimmed = line.TrimStart();
            if (trimmed.StartsWith('#'))
            {
                // Parser directives are comments of the form "# name=value" before anything else.
                if (inDirectives && trimmed.TrimStart('#').Trim() is var directive &&
                    directive.StartsWith("escape", StringComparison.OrdinalIgnoreCase) &&
                    directive.IndexOf('=') is var eq and > 0 && directive[..eq].Trim().Equals("escape", StringComparison.OrdinalIgnoreCase))
                {
                    var value = directive[(eq + 1)..].Trim();
                    escape = value == "`" ? '`' : '\\';
                }

                continue;
            }

            inDirectives = false;
            if (trimmed.Length == 0)
            {
                continue;
            }

            var startLine = index + 1;
            var column = line.Length - trimmed.Length + 1;
            var content = trimmed.TrimEnd();
            while (content.EndsWith(escape) && index + 1 < lines.Length)
            {
                content = content[..^1].TrimEnd();
                index++;
                var next = lines[index];
                // Comment lines inside a continued instruction are dropped, as Docker does.
                if (next.TrimStart().StartsWith('#'))
                {
                    content += escape;
                    continue;
                }

                content += next.Trim().Length > 0 ? " " + next.Trim() : "";
            }

            var split = content.IndexOfAny(new[] { ' ', '\t' });
            var keyword = (split < 0 ? content : content[..split]).ToUpperInvariant();
            var arguments = split < 0 ? "" : content[(split + 1)..].Trim();
            if (keyword == "FROM")
            {
                stage++;
            }

            instructions.Add(new DockerfileInstruction(keyword, arguments, startLine, column, Math.Max(stage, 0)));
        }

        return instructions;
    }

    /// <summary>
    /// The key=value pairs of an ENV, ARG or LABEL instruction; also the legacy "ENV key value" form.
    /// An ARG without a default has a null value.
    /// </summary>
    public static IReadOnlyList<KeyValuePair<string, string?>> Assignments(DockerfileInstruction instruction)
    {
        var words = Words(instruction.Arguments);
        var pairs = new List<KeyValuePair<string, string?>>();
        if (instruction.Keyword == "ENV" && words.Count > 0 && !words[0].Contains('='))
        {
            pairs.Add(new(words[0], string.Join(" ", words.Skip(1))));
            return pairs;
        }

        foreach (var word in words)
        {
            var eq = word.IndexOf('=');
            pairs.Add(eq < 0 ? new(word, null) : new(word[..eq], word[(eq + 1)..]));
        }

        return pairs;
    }

    /// <summary>Splits on whitespace outside quotes; quotes are removed.</summary>
    public static IReadOnlyList<string> Words(string text)
    {
        var words = new List<string>();
        var current = new System.Text.StringBuilder();
        char? quote = null;
        var any = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quote is null && char.IsWhiteSpace(c))
            {
                if (any)
                {
                    words.Add(current.ToString());
                    current.Clear();
                    any = false;
                }

                continue;
            }

            any = true;
            if (c == '\\' && i + 1 < text.Length && quote != '\'')
            {
                current.Append(text[++i]);
            }
            else if (quote is null && c is '"' or '\'')
            {
                quote = c;
            }
            else if (quote == c)
            {
                quote = null;
            }
            else
            {
                current.Append(c);
            }
        }

        if (any)
        {
            words.Add(current.ToString());
        }

        return words;
    }
}
