using System.Text;

namespace TwelveFactor.Sdk.Reading;

/// <summary>One instruction of a Dockerfile: its keyword (upper case), its arguments with continuations joined, and where it starts.</summary>
public sealed record DockerfileInstruction(string Keyword, string Arguments, int Line, int Column, int Stage);

/// <summary>
/// Reads a Dockerfile into instructions: comments and parser directives dropped, line continuations joined
/// (with the escape character the `# escape=` directive sets), heredoc bodies (`COPY <<EOF`) skipped as the
/// data they are, each instruction numbered by build stage. Time is linear in the text.
/// </summary>
public static class Dockerfile
{
    /// <summary>The instructions whose arguments may open heredocs, as BuildKit reads them.</summary>
    private static readonly HashSet<string> HeredocInstructions = new(StringComparer.Ordinal) { "RUN", "COPY", "ADD" };

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
                // Parser directives are comments of the form "# name=value" at the very top: the first other
                // comment, empty line or instruction ends them, and Docker reads a later one as a comment.
                var directive = trimmed.TrimStart('#').Trim();
                var eq = directive.IndexOf('=');
                var isDirective = inDirectives && eq > 0 && directive[..eq].Trim() is var name &&
                    name.Length > 0 && name.All(char.IsLetter);
                if (isDirective && directive[..eq].Trim().Equals("escape", StringComparison.OrdinalIgnoreCase))
                {
                    escape = directive[(eq + 1)..].Trim() == "`" ? '`' : '\\';
                }

                inDirectives = isDirective;
                continue;
            }

            inDirectives = false;
            if (trimmed.Length == 0)
            {
                continue;
            }

            var startLine = index + 1;
            var column = line.Length - trimmed.Length + 1;

            // Continuations are appended to one buffer: joining by concatenation would copy the instruction
            // once per line, the square of its length in all.
            var content = new StringBuilder(trimmed.TrimEnd());
            while (content.Length > 0 && content[^1] == escape && index + 1 < lines.Length)
            {
                content.Length--;
                while (content.Length > 0 && char.IsWhiteSpace(content[^1]))
                {
                    content.Length--;
                }

                index++;
                var next = lines[index];
                // Comment lines inside a continued instruction are dropped, as Docker does.
                if (next.TrimStart().StartsWith('#'))
                {
                    content.Append(escape);
                    continue;
                }

                var nextTrimmed = next.Trim();
                if (nextTrimmed.Length > 0)
                {
                    content.Append(' ').Append(nextTrimmed);
                }
            }

            var instruction = content.ToString();
            var split = instruction.IndexOfAny(new[] { ' ', '\t' });
            var keyword = (split < 0 ? instruction : instruction[..split]).ToUpperInvariant();
            var arguments = split < 0 ? "" : instruction[(split + 1)..].Trim();
            if (keyword == "FROM")
            {
                stage++;
            }

            instructions.Add(new DockerfileInstruction(keyword, arguments, startLine, column, Math.Max(stage, 0)));
            if (HeredocInstructions.Contains(keyword))
            {
                foreach (var (delimiter, stripTabs) in Heredocs(arguments))
                {
                    // The body is data (a file's content, a script), not instructions: skip to its delimiter.
                    while (index + 1 < lines.Length)
                    {
                        index++;
                        var body = lines[index].TrimEnd('\r');
                        if ((stripTabs ? body.TrimStart('\t') : body) == delimiter)
                        {
                            break;
                        }
                    }
                }
            }
        }

        return instructions;
    }

    /// <summary>
    /// Expands $NAME, ${NAME}, ${NAME:-default} and ${NAME:+alternative} as Docker does, each name read whole (so
    /// that ARG TAG does not touch $TAG_SUFFIX). An unknown name without a default is left as written.
    /// </summary>
    public static string Expand(string text, IReadOnlyDictionary<string, string> variables)
    {
        var result = new StringBuilder(text.Length);
        var at = 0;
        while (at < text.Length)
        {
            if (text[at] != '$' || at + 1 >= text.Length)
            {
                result.Append(text[at++]);
                continue;
            }

            if (text[at + 1] == '{')
            {
                var close = text.IndexOf('}', at + 2);
                if (close < 0)
                {
                    result.Append(text, at, text.Length - at);
                    break;
                }

                var body = text.Substring(at + 2, close - at - 2);
                var name = body;
                string? modifier = null;
                var operand = "";
                var colon = body.IndexOf(':');
                if (colon > 0 && colon + 1 < body.Length && body[colon + 1] is '-' or '+')
                {
                    name = body[..colon];
                    modifier = body.Substring(colon + 1, 1);
                    operand = body[(colon + 2)..];
                }

                var isSet = variables.TryGetValue(name, out var value) && value.Length > 0;
                var expanded = modifier switch
                {
                    "-" => isSet ? value : operand,
                    "+" => isSet ? operand : "",
                    _ => isSet || value is not null ? value : null,
                };
                result.Append(expanded ?? text.Substring(at, close + 1 - at));
                at = close + 1;
                continue;
            }

            var end = at + 1;
            while (end < text.Length && (char.IsLetterOrDigit(text[end]) || text[end] == '_'))
            {
                end++;
            }

            var word = text.Substring(at + 1, end - at - 1);
            result.Append(word.Length > 0 && variables.TryGetValue(word, out var found) ? found : text.Substring(at, end - at));
            at = end;
        }

        return result.ToString();
    }

    /// <summary>The heredocs an instruction opens, in order: `&lt;&lt;EOF`, `&lt;&lt;-EOF` (tabs stripped), `&lt;&lt;"EOF"`.</summary>
    private static IEnumerable<(string Delimiter, bool StripTabs)> Heredocs(string arguments)
    {
        var at = 0;
        while ((at = arguments.IndexOf("<<", at, StringComparison.Ordinal)) >= 0)
        {
            var start = at;
            at += 2;
            if (start > 0 && !char.IsWhiteSpace(arguments[start - 1]))
            {
                continue;
            }

            var stripTabs = at < arguments.Length && arguments[at] == '-';
            if (stripTabs)
            {
                at++;
            }

            var quote = at < arguments.Length && arguments[at] is '"' or '\'' ? arguments[at] : '\0';
            if (quote != '\0')
            {
                at++;
            }

            var wordStart = at;
            while (at < arguments.Length && (char.IsLetterOrDigit(arguments[at]) || arguments[at] == '_'))
            {
                at++;
            }

            if (at > wordStart && (quote == '\0' || (at < arguments.Length && arguments[at] == quote)))
            {
                yield return (arguments[wordStart..at], stripTabs);
            }
        }
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
