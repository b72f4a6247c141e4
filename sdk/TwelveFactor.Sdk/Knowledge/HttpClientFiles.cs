using TwelveFactor.Sdk.Reading;

namespace TwelveFactor.Sdk.Knowledge;

/// <summary>
/// The files of an IDE's HTTP client: request files (<c>*.http</c>, <c>*.rest</c>) and their environment files
/// (<c>http-client.env.json</c>, <c>http-client.private.env.json</c>: one object per environment, each a set of
/// variables, <c>$shared</c> for all of them). They are for the developer's own runs and never ship, so a
/// credential in them that can only reach the developer's own machine (every request that uses it goes to
/// localhost, 127.0.0.0/8 or ::1, with the variables resolved in every environment) is a local default, not a
/// secret. A credential for any other host, or for a host that cannot be told, is still one.
/// </summary>
public static class HttpClientFiles
{
    public const string EnvironmentFileName = "http-client.env.json";

    public const string PrivateEnvironmentFileName = "http-client.private.env.json";

    private const string SharedEnvironment = "$shared";

    /// <summary>A variable that resolves to more values than this (across environments) leaves the host unknown.</summary>
    private const int MaximumCandidates = 32;

    /// <summary>A value longer than this is not a host; a URL that would take it leaves the host unknown.</summary>
    private const int MaximumValueLength = 2048;

    /// <summary>Variables within variables are substituted to this depth; deeper, the host is unknown.</summary>
    private const int MaximumSubstitutions = 16;

    /// <summary>A parent folder holds the environment files of the request files below it up to this many levels.</summary>
    private const int MaximumFolderLevels = 8;

    public static bool IsRequestFile(string path)
    {
        var extension = Path.GetExtension(path);
        return extension.Equals(".http", StringComparison.OrdinalIgnoreCase) || extension.Equals(".rest", StringComparison.OrdinalIgnoreCase);
    }

    public static bool IsEnvironmentFile(string path)
    {
        var name = Path.GetFileName(path);
        return name.Equals(EnvironmentFileName, StringComparison.OrdinalIgnoreCase) ||
               name.Equals(PrivateEnvironmentFileName, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// The environment files that give a request file's (or an environment file's) variables their values: the
    /// nearest folder, from the file's own upwards, that holds one, as Visual Studio looks for them.
    /// </summary>
    public static IReadOnlyList<string> EnvironmentFilesFor(string path)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        for (var level = 0; folder is not null && level < MaximumFolderLevels; level++, folder = Path.GetDirectoryName(folder))
        {
            var found = new[] { EnvironmentFileName, PrivateEnvironmentFileName }
                .Select(name => Path.Combine(folder, name))
                .Where(File.Exists)
                .ToList();
            if (found.Count > 0 || !IsRequestFile(path))
            {
                return found;
            }
        }

        return Array.Empty<string>();
    }

    /// <summary>The environments of a set of environment files: each variable's values, by environment.</summary>
    public static Environments ReadEnvironments(IEnumerable<string> environmentTexts)
    {
        var environments = new Environments();
        foreach (var text in environmentTexts)
        {
            foreach (var entry in ConfigJson.Parse(text).Entries)
            {
                var colon = entry.Path.IndexOf(':');
                if (colon > 0)
                {
                    environments.Add(entry.Path.Substring(0, colon), entry.Path.Substring(colon + 1), entry.Value);
                }
            }
        }

        return environments;
    }

    /// <summary>The entries of a request file whose credentials can only reach a loopback host.</summary>
    public static ISet<ConfigEntry> LoopbackOnly(HttpRequestFile file, Environments environments)
    {
        var variables = file.Variables.GroupBy(v => v.Path, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Last().Value, StringComparer.OrdinalIgnoreCase);
        var loopbackRequests = file.Requests.Select(r => IsLoopbackUrl(r.Url, variables, environments)).ToList();
        var result = new HashSet<ConfigEntry>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < file.Requests.Count; i++)
        {
            if (loopbackRequests[i])
            {
                result.UnionWith(file.Requests[i].Values);
            }
        }

        var users = RequestsByVariable(file);
        foreach (var variable in file.Variables)
        {
            // A variable's credential goes where the requests that use it go; one no request uses, where all of them go.
            var requests = users.TryGetValue(variable.Path, out var found) ? found : Enumerable.Range(0, file.Requests.Count).ToList();
            if (requests.Count > 0 && requests.All(i => loopbackRequests[i]))
            {
                result.Add(variable);
            }
        }

        return result;
    }

    /// <summary>The requests that use each variable ({{name}} anywhere in the request), found in one pass over each.</summary>
    private static Dictionary<string, List<int>> RequestsByVariable(HttpRequestFile file)
    {
        var users = new Dictionary<string, List<int>>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < file.Requests.Count; i++)
        {
            var text = file.Requests[i].Text;
            for (var open = text.IndexOf("{{", StringComparison.Ordinal); open >= 0; open = text.IndexOf("{{", open + 2, StringComparison.Ordinal))
            {
                var close = text.IndexOf("}}", open + 2, StringComparison.Ordinal);
                if (close < 0)
                {
                    break;
                }

                var name = text.Substring(open + 2, close - open - 2).Trim();
                if (!users.TryGetValue(name, out var requests))
                {
                    users[name] = requests = new List<int>();
                }

                if (requests.Count == 0 || requests[requests.Count - 1] != i)
                {
                    requests.Add(i);
                }

                open = close;
            }
        }

        return users;
    }

    /// <summary>
    /// The entries of an environment file whose credentials can only reach a loopback host: those of an environment
    /// whose URLs (its own, and those of every environment for <c>$shared</c>) all name one.
    /// </summary>
    public static ISet<ConfigEntry> LoopbackOnly(IEnumerable<ConfigEntry> entries, Environments environments)
    {
        var result = new HashSet<ConfigEntry>(ReferenceEqualityComparer.Instance);
        foreach (var entry in entries)
        {
            var colon = entry.Path.IndexOf(':');
            if (colon > 0 && environments.IsLoopback(entry.Path.Substring(0, colon)))
            {
                result.Add(entry);
            }
        }

        return result;
    }

    /// <summary>
    /// True when the URL names a loopback host once its variables are substituted, whichever value each has: file
    /// variables first, then the environments' values. Only variables before the path are substituted: the host
    /// is decided there.
    /// </summary>
    private static bool IsLoopbackUrl(string url, IReadOnlyDictionary<string, string> variables, Environments environments)
    {
        var pending = new Queue<(string Url, int Depth)>();
        pending.Enqueue((url, 0));
        while (pending.Count > 0)
        {
            var (candidate, depth) = pending.Dequeue();
            var open = candidate.IndexOf("{{", StringComparison.Ordinal);
            if (open < 0 || open >= AuthorityEnd(candidate))
            {
                if (ServiceAddresses.FromUrl(candidate) is not { IsLoopback: true })
                {
                    return false;
                }

                continue;
            }

            var close = candidate.IndexOf("}}", open, StringComparison.Ordinal);
            if (close < 0 || depth >= MaximumSubstitutions)
            {
                return false;
            }

            var name = candidate.Substring(open + 2, close - open - 2).Trim();
            IReadOnlyList<string> values = variables.TryGetValue(name, out var fileValue) ? new[] { fileValue } : environments.ValuesOf(name);
            if (values.Count == 0 || pending.Count + values.Count > MaximumCandidates || values.Any(v => v.Length > MaximumValueLength))
            {
                return false;
            }

            foreach (var value in values)
            {
                pending.Enqueue((candidate.Substring(0, open) + value + candidate.Substring(close + 2), depth + 1));
            }
        }

        return true;
    }

    /// <summary>Where a URL's authority ends: the first '/', '?' or '#' after "scheme://", or its end.</summary>
    private static int AuthorityEnd(string url)
    {
        var scheme = url.IndexOf("://", StringComparison.Ordinal);
        var from = scheme < 0 ? 0 : scheme + 3;
        var end = url.IndexOfAny(new[] { '/', '?', '#' }, from);
        return end < 0 ? url.Length : end;
    }

    /// <summary>Variables by environment, from one or more environment files.</summary>
    public sealed class Environments
    {
        private readonly Dictionary<string, Dictionary<string, List<string>>> _variables = new(StringComparer.OrdinalIgnoreCase);

        private readonly Dictionary<string, List<string>> _valuesByName = new(StringComparer.OrdinalIgnoreCase);

        private readonly Dictionary<string, bool> _loopback = new(StringComparer.OrdinalIgnoreCase);

        public void Add(string environment, string name, string value)
        {
            if (!_variables.TryGetValue(environment, out var variables))
            {
                _variables[environment] = variables = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
            }

            if (!variables.TryGetValue(name, out var values))
            {
                variables[name] = values = new List<string>();
            }

            values.Add(value);
            if (!_valuesByName.TryGetValue(name, out var all))
            {
                _valuesByName[name] = all = new List<string>();
            }

            if (!all.Contains(value, StringComparer.Ordinal) && all.Count <= MaximumCandidates)
            {
                all.Add(value);
            }
        }

        /// <summary>Every value the variable has in any environment (a value in $shared counts for all).</summary>
        public IReadOnlyList<string> ValuesOf(string name) =>
            _valuesByName.TryGetValue(name, out var values) ? values : Array.Empty<string>();

        /// <summary>True when the environment's URLs (every environment's, for $shared) all name a loopback host, and there is one.</summary>
        public bool IsLoopback(string environment)
        {
            if (!_loopback.TryGetValue(environment, out var loopback))
            {
                _loopback[environment] = loopback = UrlsAreLoopback(environment);
            }

            return loopback;
        }

        private bool UrlsAreLoopback(string environment)
        {
            var scope = environment.Equals(SharedEnvironment, StringComparison.OrdinalIgnoreCase)
                ? _variables.Values
                : _variables.Where(e => e.Key.Equals(environment, StringComparison.OrdinalIgnoreCase) || e.Key.Equals(SharedEnvironment, StringComparison.OrdinalIgnoreCase)).Select(e => e.Value);
            var urls = scope.SelectMany(v => v.Values).SelectMany(values => values).Where(v => v.Contains("://")).ToList();
            return urls.Count > 0 && urls.All(u => ServiceAddresses.FromUrl(u) is { IsLoopback: true });
        }
    }
}
