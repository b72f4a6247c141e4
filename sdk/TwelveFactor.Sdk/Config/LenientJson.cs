using System.Globalization;
using System.Text;

namespace TwelveFactor.Sdk.Config;

/// <summary>Where and why a JSON file does not parse.</summary>
public sealed record JsonSyntaxError(int Line, int Column, string Message);

/// <summary>
/// Reads JSON the way .NET configuration does (comments and trailing commas allowed) and yields every string,
/// number and boolean value with its key path and position. Hand-written rather than System.Text.Json so that a
/// value's position is exact, down to the characters inside an escaped string.
/// </summary>
public sealed class LenientJson
{
    private readonly string _text;
    private readonly TextPositions _positions;
    private readonly List<ConfigValue> _values = new();
    private int _index;

    private LenientJson(string text)
    {
        _text = text;
        _positions = new TextPositions(text);
    }

    /// <summary>Every scalar value of the document, or the first syntax error.</summary>
    public static IReadOnlyList<ConfigValue> Read(string text, out JsonSyntaxError? error)
    {
        var reader = new LenientJson(text);
        try
        {
            reader.SkipTrivia();
            if (reader._index < text.Length && text[reader._index] == '\uFEFF')
            {
                reader._index++;
                reader.SkipTrivia();
            }

            if (reader._index >= text.Length)
            {
                // An empty file configures nothing; .NET configuration rejects it, but it carries no secret.
                error = null;
                return Array.Empty<ConfigValue>();
            }

            reader.ReadValue("");
            reader.SkipTrivia();
            if (reader._index < text.Length)
            {
                throw reader.Fail("unexpected text after the end of the document");
            }

            error = null;
            return reader._values;
        }
        catch (SyntaxException ex)
        {
            error = ex.Error;
            return Array.Empty<ConfigValue>();
        }
    }

    private void ReadValue(string path)
    {
        SkipTrivia();
        if (_index >= _text.Length)
        {
            throw Fail("unexpected end of file");
        }

        var c = _text[_index];
        switch (c)
        {
            case '{':
                ReadObject(path);
                break;
            case '[':
                ReadArray(path);
                break;
            case '"':
                var start = _index;
                var value = ReadString(out var columns);
                var (line, column) = _positions.At(start + 1);
                _values.Add(new ConfigValue(path, value, line, column, columns));
                break;
            default:
                ReadLiteral(path);
                break;
        }
    }

    private void ReadObject(string path)
    {
        _index++; // {
        while (true)
        {
            SkipTrivia();
            if (Peek() == '}')
            {
                _index++;
                return;
            }

            if (Peek() != '"')
            {
                throw Fail("expected a property name in double quotes or '}'");
            }

            var name = ReadString(out _);
            SkipTrivia();
            if (Peek() != ':')
            {
                throw Fail("expected ':' after the property name");
            }

            _index++;
            ReadValue(path.Length == 0 ? name : path + ":" + name);
            if (!NextMember('}', "expected ',' or '}'"))
            {
                return;
            }
        }
    }

    private void ReadArray(string path)
    {
        _index++; // [
        var element = 0;
        while (true)
        {
            SkipTrivia();
            if (Peek() == ']')
            {
                _index++;
                return;
            }

            ReadValue((path.Length == 0 ? "" : path + ":") + element.ToString(CultureInfo.InvariantCulture));
            element++;
            if (!NextMember(']', "expected ',' or ']'"))
            {
                return;
            }
        }
    }

    /// <summary>After a member or element: true past a comma (a trailing one too), false past the closing bracket.</summary>
    private bool NextMember(char close, string expected)
    {
        SkipTrivia();
        var next = Peek();
        if (next == ',' || next == close)
        {
            _index++;
            return next == ',';
        }

        throw Fail(expected);
    }

    private void ReadLiteral(string path)
    {
        var start = _index;
        while (_index < _text.Length && (char.IsLetterOrDigit(_text[_index]) || _text[_index] is '-' or '+' or '.'))
        {
            _index++;
        }

        var literal = _text.Substring(start, _index - start);
        if (literal.Length == 0)
        {
            throw Fail("unexpected character '" + _text[start] + "'");
        }

        if (literal is "null")
        {
            return;
        }

        if (literal is not ("true" or "false") &&
            !double.TryParse(literal, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            _index = start;
            throw Fail("invalid value '" + (literal.Length > 20 ? literal.Substring(0, 20) + "..." : literal) + "'");
        }

        var (line, column) = _positions.At(start);
        _values.Add(new ConfigValue(path, literal, line, column));
    }

    /// <summary>Reads a string at the opening quote; <paramref name="columns"/> maps characters to columns when it had escapes.</summary>
    private string ReadString(out int[]? columns)
    {
        var open = _index;
        _index++;
        var contentStart = _index;
        var firstEscape = -1;
        while (_index < _text.Length)
        {
            var c = _text[_index];
            if (c == '"')
            {
                break;
            }

            if (c == '\\')
            {
                firstEscape = firstEscape < 0 ? _index : firstEscape;
                _index += 2;
                continue;
            }

            if (c == '\n')
            {
                throw Fail("unterminated string", open);
            }

            _index++;
        }

        if (_index >= _text.Length)
        {
            throw Fail("unterminated string", open);
        }

        var end = _index;
        _index++; // closing quote
        if (firstEscape < 0)
        {
            columns = null;
            return _text.Substring(contentStart, end - contentStart);
        }

        return Unescape(contentStart, end, out columns);
    }

    private string Unescape(int start, int end, out int[] columns)
    {
        var builder = new StringBuilder(end - start);
        var map = new List<int>(end - start);
        var (_, startColumn) = _positions.At(start);
        for (var i = start; i < end; i++)
        {
            var column = startColumn + (i - start);
            var c = _text[i];
            if (c != '\\')
            {
                builder.Append(c);
                map.Add(column);
                continue;
            }

            var escape = i + 1 < end ? _text[i + 1] : '\0';
            switch (escape)
            {
                case 'n': builder.Append('\n'); break;
                case 'r': builder.Append('\r'); break;
                case 't': builder.Append('\t'); break;
                case 'b': builder.Append('\b'); break;
                case 'f': builder.Append('\f'); break;
                case '"': case '\\': case '/': builder.Append(escape); break;
                case 'u':
                    if (i + 6 > end || !int.TryParse(_text.AsSpan(i + 2, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code))
                    {
                        throw Fail("invalid \\u escape", i);
                    }

                    builder.Append((char)code);
                    map.Add(column);
                    i += 5;
                    continue;
                default:
                    throw Fail("invalid escape '\\" + escape + "'", i);
            }

            map.Add(column);
            i++;
        }

        columns = map.ToArray();
        return builder.ToString();
    }

    /// <summary>Whitespace, // line comments and /* block */ comments.</summary>
    private void SkipTrivia()
    {
        while (_index < _text.Length)
        {
            var c = _text[_index];
            if (c is ' ' or '\t' or '\r' or '\n' or '\uFEFF')
            {
                _index++;
            }
            else if (c == '/' && _index + 1 < _text.Length && _text[_index + 1] == '/')
            {
                var newline = _text.IndexOf('\n', _index);
                _index = newline < 0 ? _text.Length : newline + 1;
            }
            else if (c == '/' && _index + 1 < _text.Length && _text[_index + 1] == '*')
            {
                var close = _text.IndexOf("*/", _index + 2, StringComparison.Ordinal);
                if (close < 0)
                {
                    throw Fail("unterminated comment");
                }

                _index = close + 2;
            }
            else
            {
                return;
            }
        }
    }

    private char Peek() => _index < _text.Length ? _text[_index] : '\0';

    private SyntaxException Fail(string message, int? at = null)
    {
        var (line, column) = _positions.At(Math.Min(at ?? _index, _text.Length));
        return new SyntaxException(new JsonSyntaxError(line, column, message));
    }

    private sealed class SyntaxException : Exception
    {
        public SyntaxException(JsonSyntaxError error) : base(error.Message) => Error = error;

        public JsonSyntaxError Error { get; }
    }
}
