using System.Text;
using System.Text.Json;
using TwelveFactor.Sdk.Policy;

namespace TwelveFactor.Sdk.Reading;

public enum ConfigValueKind
{
    String,
    Number,
    True,
    False,
    Null,
}

/// <summary>
/// One value a config file sets, in any format (JSON, XML, YAML, key=value lines), named the way .NET
/// configuration names it: section keys joined by ':' and array elements by their index
/// ("Serilog:WriteTo:0:Name"); the path is empty for a line no key could be read from. Line and column (1-based,
/// in characters) are where the value starts: the opening quote of a JSON string.
/// </summary>
public sealed record ConfigEntry(string Path, string Value, ConfigValueKind Kind, int Line, int Column)
{
    private readonly int? _textColumn;

    /// <summary>The last segment of the path: the setting's own name.</summary>
    public string Key => Path.Substring(Path.LastIndexOf(':') + 1);

    /// <summary>
    /// The name a reader sees: the last segment of the path, and for an array element its parent's ("Keys:0"
    /// reads as "Keys").
    /// </summary>
    public string SettingName
    {
        get
        {
            var colon = Path.LastIndexOf(':');
            var name = colon < 0 ? Path : Path.Substring(colon + 1);
            if (name.Length > 0 && name.All(char.IsDigit) && colon > 0)
            {
                var parent = Path.Substring(0, colon);
                var previous = parent.LastIndexOf(':');
                return previous < 0 ? parent : parent.Substring(previous + 1);
            }

            return name;
        }
    }

    /// <summary>
    /// The column of the value's first character: one past the opening quote of a JSON string; readers of
    /// formats whose values are not quoted set it.
    /// </summary>
    public int TextColumn
    {
        get => _textColumn ?? (Kind == ConfigValueKind.String ? Column + 1 : Column);
        init => _textColumn = value;
    }

    /// <summary>
    /// The file column of the character at <paramref name="offset"/> in <see cref="Value"/> (exact unless an
    /// escape sequence in a JSON string comes before it).
    /// </summary>
    public int ColumnOf(int offset) => TextColumn + offset;

    public SourceLocation LocationIn(string file) => new(file, Line, Column);

    /// <summary>True for JSON true and for the string "true", which .NET configuration binds alike.</summary>
    public bool IsTrue => Kind == ConfigValueKind.True ||
        (Kind == ConfigValueKind.String && Value.Trim().Equals("true", StringComparison.OrdinalIgnoreCase));

    /// <summary>True when the path equals <paramref name="pattern"/>, where a '*' segment matches any one segment.</summary>
    public bool PathMatches(string pattern)
    {
        var segments = Path.Split(':');
        var wanted = pattern.Split(':');
        if (segments.Length != wanted.Length)
        {
            return false;
        }

        for (var i = 0; i < segments.Length; i++)
        {
            if (wanted[i] != "*" && !segments[i].Equals(wanted[i], StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>Why a config file did not parse (as JSON or XML), and where.</summary>
public sealed record ConfigFileProblem(int Line, int Column, string Message)
{
    /// <summary>
    /// TF0004 for the file, worded and keyed alike whichever check read it, so that the report says it once.
    /// </summary>
    public Finding ToFinding(string path, string format) =>
        new(Catalog.RuleIds.MalformedFile, path, Line, Column,
            new[] { $"{System.IO.Path.GetFileName(path)} is not valid {format} at line {Line}, column {Column}: {Message}" }, "syntax");
}

/// <summary>
/// Reads a JSON config file (appsettings.json and the like) the way .NET configuration does: comments and
/// trailing commas allowed. Every leaf value comes with its key path, line and column, so that a rule can name
/// the exact place to edit. A file that does not parse is still read, by a tolerant scanner that skips what it
/// does not understand, and <see cref="Problem"/> says where it broke (the caller reports TF0004): a malformed
/// file can still carry the values the rules look for.
/// </summary>
public sealed class ConfigJson
{
    /// <summary>Deeper than this, a config file is not settings but an attack on the reader: TF0004, and reading stops.</summary>
    public const int MaximumDepth = 64;

    private static readonly JsonReaderOptions ReaderOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,

        // One more than the path allows, so that the path's own limit speaks first and names the place.
        MaxDepth = MaximumDepth + 1,
    };

    private ConfigJson(IReadOnlyList<ConfigEntry> entries, ConfigFileProblem? problem)
    {
        Entries = entries;
        Problem = problem;
    }

    public IReadOnlyList<ConfigEntry> Entries { get; }

    /// <summary>Null when the file is valid JSON (with comments and trailing commas).</summary>
    public ConfigFileProblem? Problem { get; }

    /// <summary>Reads a file; IO errors are left to the caller (TF0003).</summary>
    public static ConfigJson Load(string path) => Parse(InputFile.ReadBytes(path));

    public static ConfigJson Parse(string text) => Parse(Encoding.UTF8.GetBytes(text));

    public static ConfigJson Parse(byte[] utf8)
    {
        var start = utf8.Length >= 3 && utf8[0] == 0xEF && utf8[1] == 0xBB && utf8[2] == 0xBF ? 3 : 0;
        var positions = TextPositions.ForUtf8(utf8, start);
        var entries = new List<ConfigEntry>();
        var path = new PathBuilder(utf8.Length);
        try
        {
            ReadStrict(utf8, start, positions, entries, path);
            return new ConfigJson(entries, null);
        }
        catch (ReadingLimitException limit)
        {
            return new ConfigJson(entries, new ConfigFileProblem(limit.Line, limit.Column, limit.Message));
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // The parser's message is not passed on: it quotes the input, and the input may be a secret.
            // InvalidOperationException: a string that is not valid UTF-8.
            var (line, column) = ex is JsonException json
                ? ((int)(json.LineNumber ?? 0) + 1, (int)(json.BytePositionInLine ?? 0) + 1)
                : (entries.Count == 0 ? 1 : entries[^1].Line, 1);
            var problem = new ConfigFileProblem(line, column, ex is JsonException ? "the text there is not JSON" : "the file is not valid UTF-8");
            var text = Encoding.UTF8.GetString(utf8, start, utf8.Length - start);
            var tolerant = new List<ConfigEntry>();
            try
            {
                TolerantScanner.Scan(text, tolerant);
            }
            catch (ReadingLimitException limit)
            {
                problem = new ConfigFileProblem(limit.Line, limit.Column, limit.Message);
            }

            return new ConfigJson(tolerant, problem);
        }
    }

    private static void ReadStrict(byte[] utf8, int start, TextPositions positions, List<ConfigEntry> entries, PathBuilder path)
    {
        var reader = new Utf8JsonReader(new ReadOnlySpan<byte>(utf8, start, utf8.Length - start), ReaderOptions);
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    path.SetKey(reader.GetString() ?? "");
                    break;
                case JsonTokenType.StartObject:
                case JsonTokenType.StartArray:
                    if (path.Depth >= MaximumDepth)
                    {
                        var (deepLine, deepColumn) = positions.At(start + (int)reader.TokenStartIndex);
                        throw ReadingLimitException.TooDeep(deepLine, deepColumn);
                    }

                    path.Open(isArray: reader.TokenType == JsonTokenType.StartArray);
                    break;
                case JsonTokenType.EndObject:
                case JsonTokenType.EndArray:
                    path.Close();
                    break;
                default:
                    var (line, column) = positions.At(start + (int)reader.TokenStartIndex);
                    var kind = reader.TokenType switch
                    {
                        JsonTokenType.String => ConfigValueKind.String,
                        JsonTokenType.Number => ConfigValueKind.Number,
                        JsonTokenType.True => ConfigValueKind.True,
                        JsonTokenType.False => ConfigValueKind.False,
                        _ => ConfigValueKind.Null,
                    };
                    var value = kind == ConfigValueKind.String
                        ? reader.GetString() ?? ""
                        : Encoding.UTF8.GetString(reader.ValueSpan.ToArray());
                    entries.Add(new ConfigEntry(path.ValuePath(line, column), value, kind, line, column));
                    break;
            }
        }
    }

    /// <summary>Where reading a hostile file stops: too deep, or key paths longer in sum than the file allows.</summary>
    private sealed class ReadingLimitException : Exception
    {
        private ReadingLimitException(int line, int column, string message) : base(message)
        {
            Line = line;
            Column = column;
        }

        public int Line { get; }

        public int Column { get; }

        public static ReadingLimitException TooDeep(int line, int column) =>
            new(line, column, $"it nests deeper than {MaximumDepth} levels, and was read no further");

        public static ReadingLimitException PathsTooLong(int line, int column) =>
            new(line, column, "its key paths are longer in sum than its size can explain, and it was read no further");
    }

    /// <summary>
    /// The key path while walking a document: objects contribute the current property name, arrays the index
    /// of the current element. Shared by the strict reader and the tolerant scanner.
    /// </summary>
    private sealed class PathBuilder
    {
        /// <summary>How many characters of key path each byte of the file may produce, in sum over every value.</summary>
        private const long PathCharactersPerByte = 16;

        private readonly List<Container> _stack = new();

        /// <summary>
        /// What is left of the file's allowance of key-path characters. Every value's path repeats its parents'
        /// keys, so a long key over many values would otherwise cost the square of the file's size.
        /// </summary>
        private long _pathBudget;

        public PathBuilder(int inputLength) => _pathBudget = 65536 + PathCharactersPerByte * inputLength;

        public int Depth => _stack.Count;

        /// <summary>The key path of the container being opened or the value being read.</summary>
        public string ValuePath(int line, int column)
        {
            var path = CurrentSegments();
            _pathBudget -= path.Length;
            if (_pathBudget < 0)
            {
                throw ReadingLimitException.PathsTooLong(line, column);
            }

            if (_stack.Count > 0 && _stack[^1].IsArray)
            {
                _stack[^1].Index++;
            }

            return path;
        }

        public void SetKey(string key)
        {
            if (_stack.Count > 0 && !_stack[^1].IsArray)
            {
                _stack[^1].Key = key;
            }
        }

        public void Open(bool isArray, int line = 0, int column = 0)
        {
            var prefix = _stack.Count == 0 ? "" : ValuePath(line, column);
            _stack.Add(new Container(isArray, prefix));
        }

        public void Close()
        {
            if (_stack.Count > 0)
            {
                _stack.RemoveAt(_stack.Count - 1);
            }
        }

        private string CurrentSegments()
        {
            if (_stack.Count == 0)
            {
                return "";
            }

            var top = _stack[^1];
            var segment = top.IsArray ? top.Index.ToString(System.Globalization.CultureInfo.InvariantCulture) : top.Key;
            return top.Prefix.Length == 0 ? segment : top.Prefix + ":" + segment;
        }

        private sealed class Container
        {
            public Container(bool isArray, string prefix)
            {
                IsArray = isArray;
                Prefix = prefix;
            }

            public bool IsArray { get; }

            public string Prefix { get; }

            public string Key { get; set; } = "";

            public int Index { get; set; }
        }
    }

    /// <summary>
    /// Reads what it can from text that is not valid JSON: strings, bare words and the structure characters,
    /// skipping comments and anything it cannot place, so that one stray character does not hide a whole file.
    /// </summary>
    private static class TolerantScanner
    {
        public static void Scan(string text, List<ConfigEntry> entries)
        {
            var path = new PathBuilder(text.Length);
            string? pendingString = null;
            var pendingLine = 0;
            var pendingColumn = 0;
            var line = 1;
            var lineStart = 0;
            var i = 0;

            void FlushPending()
            {
                if (pendingString is not null)
                {
                    entries.Add(new ConfigEntry(path.ValuePath(pendingLine, pendingColumn), pendingString, ConfigValueKind.String, pendingLine, pendingColumn));
                    pendingString = null;
                }
            }

            while (i < text.Length)
            {
                var c = text[i];
                var column = i - lineStart + 1;
                if (c == '\n')
                {
                    line++;
                    lineStart = i + 1;
                    i++;
                }
                else if (c == '/' && i + 1 < text.Length && text[i + 1] == '/')
                {
                    while (i < text.Length && text[i] != '\n')
                    {
                        i++;
                    }
                }
                else if (c == '/' && i + 1 < text.Length && text[i + 1] == '*')
                {
                    var end = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                    end = end < 0 ? text.Length : end + 2;
                    for (var j = i; j < end; j++)
                    {
                        if (text[j] == '\n')
                        {
                            line++;
                            lineStart = j + 1;
                        }
                    }

                    i = end;
                }
                else if (c == '"')
                {
                    FlushPending();
                    var value = ReadString(text, ref i);
                    pendingString = value;
                    pendingLine = line;
                    pendingColumn = column;
                }
                else if (c == ':')
                {
                    if (pendingString is not null)
                    {
                        path.SetKey(pendingString);
                        pendingString = null;
                    }

                    i++;
                }
                else if (c is '{' or '[')
                {
                    pendingString = null;
                    if (path.Depth >= MaximumDepth)
                    {
                        throw ReadingLimitException.TooDeep(line, column);
                    }

                    path.Open(c == '[', line, column);
                    i++;
                }
                else if (c is '}' or ']' or ',')
                {
                    FlushPending();
                    if (c != ',')
                    {
                        path.Close();
                    }

                    i++;
                }
                else if (char.IsWhiteSpace(c))
                {
                    i++;
                }
                else
                {
                    FlushPending();
                    var startIndex = i;
                    while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] is not (',' or '}' or ']' or ':' or '"' or '{' or '['))
                    {
                        i++;
                    }

                    var word = text.Substring(startIndex, i - startIndex);
                    var kind = word switch
                    {
                        "true" => ConfigValueKind.True,
                        "false" => ConfigValueKind.False,
                        "null" => ConfigValueKind.Null,
                        _ => ConfigValueKind.Number,
                    };
                    entries.Add(new ConfigEntry(path.ValuePath(line, column), word, kind, line, column));
                }
            }

            FlushPending();
        }

        /// <summary>Reads a string literal starting at the opening quote; stops at the line's end if unterminated.</summary>
        private static string ReadString(string text, ref int i)
        {
            var value = new StringBuilder();
            i++;
            while (i < text.Length && text[i] != '"' && text[i] != '\n')
            {
                if (text[i] == '\\' && i + 1 < text.Length)
                {
                    i++;
                    var escaped = text[i];
                    if (escaped == 'u' && i + 4 < text.Length &&
                        int.TryParse(text.Substring(i + 1, 4), System.Globalization.NumberStyles.HexNumber, null, out var code))
                    {
                        value.Append((char)code);
                        i += 4;
                    }
                    else
                    {
                        value.Append(escaped switch { 'n' => '\n', 't' => '\t', 'r' => '\r', 'b' => '\b', 'f' => '\f', _ => escaped });
                    }
                }
                else
                {
                    value.Append(text[i]);
                }

                i++;
            }

            if (i < text.Length && text[i] == '"')
            {
                i++;
            }

            return value.ToString();
        }
    }
}
