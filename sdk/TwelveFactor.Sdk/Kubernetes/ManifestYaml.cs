namespace TwelveFactor.Sdk.Kubernetes;

/// <summary>A node of a YAML document: a mapping, a sequence or a scalar, with the 1-based line it starts on.</summary>
public sealed class YamlNode
{
    private YamlNode(int line) => Line = line;

    public int Line { get; }

    /// <summary>The scalar's text (quotes removed); null for a mapping or a sequence.</summary>
    public string? Scalar { get; private init; }

    public IReadOnlyList<(string Key, YamlNode Value, int Line)>? Mapping { get; private init; }

    public IReadOnlyList<YamlNode>? Sequence { get; private init; }

    /// <summary>The value of a mapping's key, or null.</summary>
    public YamlNode? this[string key] => Mapping?.LastOrDefault(e => e.Key == key).Value;

    /// <summary>The line a mapping's key is written on (its value may start on the next), or the node's own line.</summary>
    public int LineOf(string key) => Mapping?.LastOrDefault(e => e.Key == key) is { Key: not null } entry ? entry.Line : Line;

    /// <summary>The items of a sequence; none for anything else.</summary>
    public IEnumerable<YamlNode> Items => Sequence ?? Array.Empty<YamlNode>();

    public static YamlNode OfScalar(string text, int line) => new(line) { Scalar = text };

    public static YamlNode OfMapping(IReadOnlyList<(string, YamlNode, int)> entries, int line) => new(line) { Mapping = entries };

    public static YamlNode OfSequence(IReadOnlyList<YamlNode> items, int line) => new(line) { Sequence = items };
}

/// <summary>
/// Reads the YAML that Kubernetes manifests are written in: documents separated by '---', block mappings and
/// sequences (a sequence may sit at its key's own indentation), plain and quoted scalars, comments, block scalars
/// (| and >), flow sequences and mappings of scalars. Anchors, tags and aliases are kept as plain text. One pass over
/// the lines, nesting bounded by <see cref="MaxDepth"/>; what it cannot read is reported, never guessed.
/// </summary>
public sealed class ManifestYaml
{
    public const int MaxDepth = 64;

    private readonly List<(int Indent, string Text, int Line)> _lines;
    private int _next;

    private ManifestYaml(List<(int, string, int)> lines) => _lines = lines;

    /// <summary>The documents of the text; a problem (line and message) when it is not YAML this reader understands.</summary>
    public static (IReadOnlyList<YamlNode> Documents, (int Line, string Message)? Problem) Read(string text)
    {
        var documents = new List<YamlNode>();
        var current = new List<(int, string, int)>();
        var lines = text.Replace("\r\n", "\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var raw = lines[i];
            if (raw.StartsWith("---", StringComparison.Ordinal) || raw.StartsWith("...", StringComparison.Ordinal))
            {
                if (!Flush(current, documents, out var problem))
                {
                    return (documents, problem);
                }

                var rest = raw[3..].Trim();
                if (rest.Length > 0 && !rest.StartsWith('#'))
                {
                    current.Add((0, rest, i + 1));
                }

                continue;
            }

            if (raw.Contains('\t') && raw.TrimStart(' ').StartsWith('\t'))
            {
                return (documents, (i + 1, "a tab indents the line (YAML indents with spaces)"));
            }

            var content = StripComment(raw).TrimEnd();
            if (content.Trim().Length == 0)
            {
                // Blank lines matter only inside block scalars, which keep their own raw lines below.
                current.Add((-1, raw, i + 1));
                continue;
            }

            current.Add((content.Length - content.TrimStart(' ').Length, content.TrimStart(' '), i + 1));
        }

        return Flush(current, documents, out var last) ? (documents, null) : (documents, last);
    }

    private static bool Flush(List<(int Indent, string Text, int Line)> lines, List<YamlNode> documents, out (int, string)? problem)
    {
        problem = null;
        if (lines.All(l => l.Indent < 0))
        {
            lines.Clear();
            return true;
        }

        var reader = new ManifestYaml(new List<(int, string, int)>(lines));
        lines.Clear();
        try
        {
            reader.SkipBlank();
            documents.Add(reader.Block(reader._lines[reader._next].Indent, 0));
            reader.SkipBlank();
            if (reader._next < reader._lines.Count)
            {
                throw new FormatException($"{reader._lines[reader._next].Line}|unexpected indentation");
            }

            return true;
        }
        catch (FormatException e)
        {
            var parts = e.Message.Split('|', 2);
            problem = (int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture), parts[1]);
            return false;
        }
    }

    private YamlNode Block(int indent, int depth)
    {
        if (depth > MaxDepth)
        {
            Fail($"nesting deeper than {MaxDepth} levels");
        }

        var (_, text, _) = _lines[_next];
        if (IsSequenceItem(text))
        {
            return SequenceAt(indent, depth);
        }

        if (KeyEnd(text) >= 0)
        {
            return MappingAt(indent, depth);
        }

        _next++;
        return YamlNode.OfScalar(Unquote(text), _lines[_next - 1].Line);
    }

    private YamlNode MappingAt(int indent, int depth)
    {
        var entries = new List<(string, YamlNode, int)>();
        var start = _lines[_next].Line;
        while (_next < _lines.Count)
        {
            var (lineIndent, text, line) = _lines[_next];
            if (lineIndent != indent || IsSequenceItem(text))
            {
                break;
            }

            var end = KeyEnd(text);
            if (end < 0)
            {
                Fail("expected 'key: value'", line);
            }

            var key = Unquote(text[..end].Trim());
            var rest = text[(end + 1)..].Trim();
            _next++;
            entries.Add((key, Value(rest, indent, line, depth), line));
            SkipBlank();
        }

        return YamlNode.OfMapping(entries, start);
    }

    private YamlNode SequenceAt(int indent, int depth)
    {
        var items = new List<YamlNode>();
        var start = _lines[_next].Line;
        while (_next < _lines.Count)
        {
            var (lineIndent, text, line) = _lines[_next];
            if (lineIndent != indent || !IsSequenceItem(text))
            {
                break;
            }

            var rest = text.Length > 1 ? text[1..] : "";
            var offset = rest.Length - rest.TrimStart(' ').Length + 1;
            rest = rest.Trim();
            if (rest.Length == 0)
            {
                _next++;
                items.Add(Nested(indent, line, depth));
            }
            else if (IsSequenceItem(rest) || KeyEnd(rest) >= 0 && !IsFlow(rest))
            {
                // "- key: value" opens a mapping whose keys line up with 'key'.
                _lines[_next] = (indent + offset, rest, line);
                items.Add(Block(indent + offset, depth + 1));
            }
            else
            {
                _next++;
                items.Add(Inline(rest, line));
            }

            SkipBlank();
        }

        return YamlNode.OfSequence(items, start);
    }

    private YamlNode Value(string rest, int indent, int line, int depth)
    {
        if (rest.StartsWith('|') || rest.StartsWith('>'))
        {
            return BlockScalar(indent, line);
        }

        if (rest.Length > 0 && !(rest.StartsWith('&') && !rest.Contains(' ')))
        {
            return Inline(rest, line);
        }

        SkipBlank();
        if (_next < _lines.Count && _lines[_next].Indent == indent && IsSequenceItem(_lines[_next].Text))
        {
            // A sequence may sit at its key's own indentation, as kubectl writes it.
            return SequenceAt(indent, depth + 1);
        }

        return Nested(indent, line, depth);
    }

    private YamlNode Nested(int indent, int line, int depth)
    {
        SkipBlank();
        if (_next < _lines.Count && _lines[_next].Indent > indent)
        {
            return Block(_lines[_next].Indent, depth + 1);
        }

        return YamlNode.OfScalar("", line);
    }

    private YamlNode BlockScalar(int indent, int line)
    {
        var text = new List<string>();
        while (_next < _lines.Count && (_lines[_next].Indent < 0 || _lines[_next].Indent > indent))
        {
            text.Add(_lines[_next].Indent < 0 ? "" : _lines[_next].Text);
            _next++;
        }

        return YamlNode.OfScalar(string.Join("\n", text).Trim('\n'), line);
    }

    private static YamlNode Inline(string text, int line)
    {
        text = StripProperties(text);
        if (text.StartsWith('[') && text.EndsWith(']'))
        {
            return YamlNode.OfSequence(SplitFlow(text[1..^1]).Select(item => Inline(item, line)).ToList(), line);
        }

        if (text.StartsWith('{') && text.EndsWith('}'))
        {
            var entries = new List<(string, YamlNode, int)>();
            foreach (var item in SplitFlow(text[1..^1]))
            {
                var end = KeyEnd(item);
                entries.Add(end < 0 ? (Unquote(item), YamlNode.OfScalar("", line), line) : (Unquote(item[..end].Trim()), Inline(item[(end + 1)..].Trim(), line), line));
            }

            return YamlNode.OfMapping(entries, line);
        }

        return YamlNode.OfScalar(Unquote(text), line);
    }

    private static IEnumerable<string> SplitFlow(string text)
    {
        var depth = 0;
        var quote = '\0';
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quote != '\0')
            {
                quote = c == quote ? '\0' : quote;
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c is '[' or '{')
            {
                depth++;
            }
            else if (c is ']' or '}')
            {
                depth--;
            }
            else if (c == ',' && depth == 0)
            {
                yield return text[start..i].Trim();
                start = i + 1;
            }
        }

        if (text[start..].Trim().Length > 0)
        {
            yield return text[start..].Trim();
        }
    }

    /// <summary>Where the key ends (the ':' followed by a space or the end), outside quotes; -1 when the text is no key.</summary>
    private static int KeyEnd(string text)
    {
        if (text.StartsWith('"') || text.StartsWith('\''))
        {
            var close = text.IndexOf(text[0], 1);
            return close > 0 && close + 1 < text.Length && text[close + 1] == ':' && (close + 2 == text.Length || text[close + 2] == ' ') ? close + 1 : -1;
        }

        if (IsFlow(text))
        {
            return -1;
        }

        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == ':' && (i + 1 == text.Length || text[i + 1] == ' '))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsFlow(string text) => text.StartsWith('[') || text.StartsWith('{');

    private static bool IsSequenceItem(string text) => text == "-" || text.StartsWith("- ", StringComparison.Ordinal);

    private static string StripProperties(string text)
    {
        // Tags (!!str) and anchors (&name) describe the value; the value is what the checks read.
        while (text.Length > 0 && (text.StartsWith('!') || text.StartsWith('&')))
        {
            var space = text.IndexOf(' ');
            text = space < 0 ? "" : text[(space + 1)..].TrimStart();
        }

        return text;
    }

    private static string Unquote(string text)
    {
        text = text.Trim();
        if (text.Length >= 2 && text[0] == '"' && text[^1] == '"')
        {
            return text[1..^1].Replace("\\\"", "\"").Replace("\\\\", "\\");
        }

        if (text.Length >= 2 && text[0] == '\'' && text[^1] == '\'')
        {
            return text[1..^1].Replace("''", "'");
        }

        return text;
    }

    /// <summary>The line without a comment: '#' at the start or after a space, outside quotes.</summary>
    private static string StripComment(string line)
    {
        var quote = '\0';
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quote != '\0')
            {
                if (c == '\\' && quote == '"')
                {
                    i++;
                }
                else if (c == quote)
                {
                    quote = '\0';
                }
            }
            else if ((c is '"' or '\'') && (i == 0 || line[i - 1] is ' ' or ':' or '-' or '[' or '{' or ','))
            {
                quote = c;
            }
            else if (c == '#' && (i == 0 || line[i - 1] == ' '))
            {
                return line[..i];
            }
        }

        return line;
    }

    private void SkipBlank()
    {
        while (_next < _lines.Count && _lines[_next].Indent < 0)
        {
            _next++;
        }
    }

    private void Fail(string message, int? line = null) =>
        throw new FormatException($"{line ?? _lines[Math.Min(_next, _lines.Count - 1)].Line}|{message}");
}
