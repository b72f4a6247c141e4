using System.Globalization;
using System.Text;

namespace TwelveFactor.Sdk.Analyzers;

/// <summary>
/// Reads the (ruleId, fingerprint) pairs of TwelveFactor.baseline.json. The compiler host offers no JSON library
/// to a netstandard2.0 analyzer, so this is a small reader of the JSON the engine writes (comments and trailing
/// commas allowed, as the engine allows them). A malformed file yields no entries: the engine reports it (TF0001).
/// </summary>
internal static class BaselineEntries
{
    /// <summary>"ruleId\nfingerprint" for each entry of 'findings'.</summary>
    public static HashSet<string> Read(string json)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            var reader = new Reader(json);
            if (reader.ReadValue() is Dictionary<string, object?> root &&
                root.TryGetValue("findings", out var findings) && findings is List<object?> list)
            {
                foreach (var entry in list.OfType<Dictionary<string, object?>>())
                {
                    if (entry.TryGetValue("ruleId", out var rule) && rule is string ruleId &&
                        entry.TryGetValue("fingerprint", out var print) && print is string fingerprint)
                    {
                        result.Add(ruleId + "\n" + fingerprint);
                    }
                }
            }
        }
        catch (FormatException)
        {
            result.Clear();
        }

        return result;
    }

    private sealed class Reader
    {
        /// <summary>
        /// A baseline nests three levels; past this depth the file is hostile, not a baseline, and reading stops
        /// before the recursion could exhaust the compiler's stack.
        /// </summary>
        private const int MaximumDepth = 16;

        private readonly string _text;
        private int _at;
        private int _depth;

        public Reader(string text) => _text = text;

        public object? ReadValue()
        {
            if (++_depth > MaximumDepth)
            {
                throw new FormatException("nested too deep");
            }

            try
            {
                return ReadOneValue();
            }
            finally
            {
                _depth--;
            }
        }

        private object? ReadOneValue()
        {
            SkipSpace();
            if (_at >= _text.Length)
            {
                throw new FormatException("unexpected end");
            }

            switch (_text[_at])
            {
                case '{':
                    return ReadObject();
                case '[':
                    return ReadArray();
                case '"':
                    return ReadString();
                default:
                    return ReadWord();
            }
        }

        private Dictionary<string, object?> ReadObject()
        {
            var result = new Dictionary<string, object?>(StringComparer.Ordinal);
            _at++;
            while (true)
            {
                SkipSpace();
                if (Peek() == '}')
                {
                    _at++;
                    return result;
                }

                var name = ReadString();
                SkipSpace();
                Expect(':');
                result[name] = ReadValue();
                SkipSpace();
                if (Peek() == ',')
                {
                    _at++;
                }
                else if (Peek() != '}')
                {
                    throw new FormatException("expected , or }");
                }
            }
        }

        private List<object?> ReadArray()
        {
            var result = new List<object?>();
            _at++;
            while (true)
            {
                SkipSpace();
                if (Peek() == ']')
                {
                    _at++;
                    return result;
                }

                result.Add(ReadValue());
                SkipSpace();
                if (Peek() == ',')
                {
                    _at++;
                }
                else if (Peek() != ']')
                {
                    throw new FormatException("expected , or ]");
                }
            }
        }

        private string ReadString()
        {
            Expect('"');
            var result = new StringBuilder();
            while (true)
            {
                var c = Next();
                if (c == '"')
                {
                    return result.ToString();
                }

                if (c != '\\')
                {
                    result.Append(c);
                    continue;
                }

                var escaped = Next();
                switch (escaped)
                {
                    case 'n': result.Append('\n'); break;
                    case 't': result.Append('\t'); break;
                    case 'r': result.Append('\r'); break;
                    case 'b': result.Append('\b'); break;
                    case 'f': result.Append('\f'); break;
                    case 'u':
                        if (_at + 4 > _text.Length)
                        {
                            throw new FormatException("bad escape");
                        }

                        result.Append((char)int.Parse(_text.Substring(_at, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                        _at += 4;
                        break;
                    default: result.Append(escaped); break;
                }
            }
        }

        /// <summary>Numbers, true, false and null: none of them matters here, so they are skipped as a word.</summary>
        private object? ReadWord()
        {
            var start = _at;
            while (_at < _text.Length && (char.IsLetterOrDigit(_text[_at]) || _text[_at] is '-' or '+' or '.'))
            {
                _at++;
            }

            if (_at == start)
            {
                throw new FormatException("unexpected character");
            }

            return null;
        }

        private void SkipSpace()
        {
            while (_at < _text.Length)
            {
                if (char.IsWhiteSpace(_text[_at]))
                {
                    _at++;
                }
                else if (_text[_at] == '/' && _at + 1 < _text.Length && _text[_at + 1] == '/')
                {
                    while (_at < _text.Length && _text[_at] != '\n')
                    {
                        _at++;
                    }
                }
                else if (_text[_at] == '/' && _at + 1 < _text.Length && _text[_at + 1] == '*')
                {
                    var end = _text.IndexOf("*/", _at + 2, StringComparison.Ordinal);
                    _at = end < 0 ? _text.Length : end + 2;
                }
                else
                {
                    return;
                }
            }
        }

        private char Peek() => _at < _text.Length ? _text[_at] : throw new FormatException("unexpected end");

        private char Next() => _at < _text.Length ? _text[_at++] : throw new FormatException("unexpected end");

        private void Expect(char c)
        {
            if (Next() != c)
            {
                throw new FormatException("expected " + c);
            }
        }
    }
}
