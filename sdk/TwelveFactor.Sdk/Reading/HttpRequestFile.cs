namespace TwelveFactor.Sdk.Reading;

/// <summary>
/// One request of a <c>.http</c> file: its request line's URL as written (variables not substituted), and the
/// values it sends (the URL, each header by its name, each body line under "body").
/// </summary>
public sealed record HttpRequest(string Url, IReadOnlyList<ConfigEntry> Values)
{
    /// <summary>All of the request's text, for finding which variables it uses.</summary>
    public string Text { get; init; } = "";
}

/// <summary>
/// A <c>.http</c> (or <c>.rest</c>) request file as Visual Studio, Rider and VS Code's REST Client read it: file
/// variables (<c>@name = value</c>), requests separated by <c>###</c>, each a request line (<c>METHOD URL
/// [HTTP/version]</c>, or the URL alone), query lines starting with '?' or '&amp;', headers up to the first blank
/// line and a body after it. Lines starting with '#' or '//' are comments. One pass over the lines.
/// </summary>
public sealed class HttpRequestFile
{
    private static readonly string[] Methods = { "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "TRACE", "CONNECT" };

    private HttpRequestFile(IReadOnlyList<ConfigEntry> variables, IReadOnlyList<HttpRequest> requests)
    {
        Variables = variables;
        Requests = requests;
    }

    /// <summary>The file variables, each under its name ("@Password = x" is the entry "Password").</summary>
    public IReadOnlyList<ConfigEntry> Variables { get; }

    public IReadOnlyList<HttpRequest> Requests { get; }

    /// <summary>Every value the file sets or sends, in file order.</summary>
    public IEnumerable<ConfigEntry> Entries =>
        Variables.Concat(Requests.SelectMany(r => r.Values)).OrderBy(e => e.Line).ThenBy(e => e.Column);

    public static HttpRequestFile Parse(string text)
    {
        var variables = new List<ConfigEntry>();
        var requests = new List<HttpRequest>();
        RequestBuilder? request = null;
        foreach (var (lineNumber, written) in TextLines.Of(text))
        {
            var line = lineNumber == 1 ? written.TrimStart('\uFEFF') : written;
            var trimmed = line.TrimStart();
            var indent = line.Length - trimmed.Length;
            if (trimmed.StartsWith("###", StringComparison.Ordinal))
            {
                request?.AddTo(requests);
                request = null;
                continue;
            }

            if (request is null || !request.InBody)
            {
                if (trimmed.StartsWith("#", StringComparison.Ordinal) || trimmed.StartsWith("//", StringComparison.Ordinal))
                {
                    continue;
                }

                if (trimmed.StartsWith("@", StringComparison.Ordinal) && (request is null || !request.HasHeaders))
                {
                    AddVariable(trimmed, lineNumber, indent + 1, variables);
                    continue;
                }
            }

            if (request is null)
            {
                if (trimmed.Length > 0)
                {
                    request = new RequestBuilder(trimmed, lineNumber, indent + 1);
                }

                continue;
            }

            request.Add(line, trimmed, lineNumber, indent + 1);
        }

        request?.AddTo(requests);
        return new HttpRequestFile(variables, requests);
    }

    private static void AddVariable(string trimmed, int line, int column, List<ConfigEntry> variables)
    {
        var equals = trimmed.IndexOf('=');
        if (equals < 2)
        {
            return;
        }

        var name = trimmed.Substring(1, equals - 1).Trim();
        var rawValue = trimmed.Substring(equals + 1);
        var value = rawValue.Trim();
        var valueColumn = column + equals + 1 + (rawValue.Length - rawValue.TrimStart().Length);
        variables.Add(new ConfigEntry(name, value, ConfigValueKind.String, line, column) { TextColumn = valueColumn });
    }

    /// <summary>"POST https://host/x HTTP/1.1" gives the URL, "https://host/x" too; the column is the URL's.</summary>
    private static (string Url, int Offset) UrlOf(string requestLine)
    {
        var offset = 0;
        var space = requestLine.IndexOf(' ');
        if (space > 0 && Methods.Contains(requestLine.Substring(0, space).ToUpperInvariant()))
        {
            offset = space + 1;
            while (offset < requestLine.Length && requestLine[offset] == ' ')
            {
                offset++;
            }
        }

        var rest = requestLine.Substring(offset);
        var version = rest.LastIndexOf(" HTTP/", StringComparison.OrdinalIgnoreCase);
        return (version > 0 ? rest.Substring(0, version).TrimEnd() : rest.TrimEnd(), offset);
    }

    private sealed class RequestBuilder
    {
        private readonly List<ConfigEntry> _values = new();
        private readonly System.Text.StringBuilder _text = new();
        private readonly System.Text.StringBuilder _url = new();

        public RequestBuilder(string requestLine, int line, int column)
        {
            var (url, offset) = UrlOf(requestLine);
            _url.Append(url);
            _values.Add(new ConfigEntry("url", url, ConfigValueKind.String, line, column + offset) { TextColumn = column + offset });
            _text.Append(requestLine).Append('\n');
        }

        public bool InBody { get; private set; }

        public bool HasHeaders { get; private set; }

        public void Add(string line, string trimmed, int lineNumber, int column)
        {
            _text.Append(line).Append('\n');
            if (InBody)
            {
                if (trimmed.Length > 0)
                {
                    _values.Add(new ConfigEntry("body", trimmed, ConfigValueKind.String, lineNumber, column) { TextColumn = column });
                }

                return;
            }

            if (trimmed.Length == 0)
            {
                InBody = true;
                return;
            }

            if (!HasHeaders && (trimmed[0] == '?' || trimmed[0] == '&'))
            {
                // A query parameter continued on its own line belongs to the URL.
                _url.Append(trimmed);
                _values.Add(new ConfigEntry("url", trimmed, ConfigValueKind.String, lineNumber, column) { TextColumn = column });
                return;
            }

            var colon = trimmed.IndexOf(':');
            if (colon <= 0)
            {
                return;
            }

            HasHeaders = true;
            var rawValue = trimmed.Substring(colon + 1);
            var value = rawValue.Trim();
            var valueColumn = column + colon + 1 + (rawValue.Length - rawValue.TrimStart().Length);
            _values.Add(new ConfigEntry(trimmed.Substring(0, colon).Trim(), value, ConfigValueKind.String, lineNumber, column) { TextColumn = valueColumn });
        }

        public void AddTo(List<HttpRequest> requests) => requests.Add(new HttpRequest(_url.ToString(), _values) { Text = _text.ToString() });
    }
}
