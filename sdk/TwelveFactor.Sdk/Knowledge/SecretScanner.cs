using System.Text.RegularExpressions;
using TwelveFactor.Sdk.Reading;

namespace TwelveFactor.Sdk.Knowledge;

/// <summary>
/// Finds secrets in a config file's text: private keys anywhere in it, then in each value the tokens of
/// well-known services, credentials in URLs and connection strings, and what a secret-like key holds.
/// JSON is read by <see cref="ConfigJson"/> (comments and trailing commas allowed, and what a
/// malformed file holds); every other format is read line by line.
/// </summary>
public static class SecretScanner
{
    /// <summary>A generic secret is at least this long; shorter values under a "Token" key are rarely credentials.</summary>
    private const int MinimumSecretLength = 16;

    /// <summary>Bits per character below which a value reads as a word or a pattern rather than random.</summary>
    private const double MinimumEntropy = 3.0;

    public static SecretScan Scan(string path, string text) => Scan(path, text, Array.Empty<string>());

    /// <summary>
    /// The secrets in a file's text. For an HTTP client's request or environment file,
    /// <paramref name="environmentTexts"/> are the environment files that give its variables their values
    /// (<see cref="HttpClientFiles.EnvironmentFilesFor"/>), which tell which requests can only reach a loopback host.
    /// </summary>
    public static SecretScan Scan(string path, string text, IReadOnlyList<string> environmentTexts)
    {
        ConfigFileProblem? problem = null;
        IReadOnlyList<ConfigEntry> values;
        ISet<ConfigEntry> loopbackOnly = new HashSet<ConfigEntry>();
        var format = ConfigFiles.FormatOf(path);
        if (HttpClientFiles.IsRequestFile(path))
        {
            var requests = HttpRequestFile.Parse(text);
            values = requests.Entries.ToList();
            loopbackOnly = HttpClientFiles.LoopbackOnly(requests, HttpClientFiles.ReadEnvironments(environmentTexts));
        }
        else if (format == ConfigFormat.Json)
        {
            // .NET configuration's reading: comments and trailing commas allowed; a file that does not parse is
            // still read for what it holds, and its problem reported.
            var json = ConfigJson.Parse(text);
            problem = json.Problem;
            values = json.Entries;
            if (HttpClientFiles.IsEnvironmentFile(path))
            {
                loopbackOnly = HttpClientFiles.LoopbackOnly(values, HttpClientFiles.ReadEnvironments(environmentTexts.Prepend(text)));
            }
        }
        else
        {
            values = ConfigLines.Read(text, format == ConfigFormat.None ? ConfigFormat.KeyValue : format);
        }

        var matches = new Matches();
        FindPrivateKeys(text, matches);
        // A request file's credentials are judged by where each request goes, not by a host setting beside them.
        var loopback = HttpClientFiles.IsRequestFile(path) ? LoopbackCredentials.In(Array.Empty<ConfigEntry>()) : LoopbackCredentials.In(values);
        foreach (var value in values)
        {
            FindInValue(value, loopbackOnly.Contains(value), loopback, matches);
        }

        matches.Sort((a, b) => a.Line != b.Line ? a.Line.CompareTo(b.Line) : a.Column.CompareTo(b.Column));
        return new SecretScan(matches, problem);
    }

    /// <summary>
    /// The kind of secret an environment variable (a Dockerfile's ENV or ARG pair) writes in clear, or null. It is
    /// judged as a line of a .env file: the name read word by word (DB_PASSWORD is a password; TOKEN_LIFETIME,
    /// PASSWORD_MIN_LENGTH, SECRET_NAME and API_KEY_HEADER only speak of one), the value's shape (tokens of known
    /// services, passwords in connection strings and URLs), and placeholders and references left alone.
    /// </summary>
    public static string? ScanVariable(string name, string? value)
    {
        var literal = (value ?? "").Trim();
        if (literal.Length == 0 || literal.IndexOfAny(new[] { '\n', '\r' }) >= 0)
        {
            return null;
        }

        var scan = Scan(".env", name + "=" + literal);
        return scan.Matches.Count == 0 ? null : scan.Matches[0].Kind;
    }

    private static void FindPrivateKeys(string text, Matches matches)
    {
        TextPositions? positions = null;
        foreach (var block in PrivateKeys.Find(text))
        {
            positions ??= new TextPositions(text);
            var (line, column) = positions.At(block.Offset);
            var isServiceAccount = text.IndexOf("service_account", StringComparison.Ordinal) >= 0;
            var kind = isServiceAccount ? "GCP service account private key" : "private key";
            matches.Add(new SecretMatch(line, column, kind, "", "-----BEGIN " + block.Header + "----- ***", kind + "|"));
        }
    }

    /// <param name="sentOnlyToLoopback">The value is only ever sent to a loopback host (a request file's request to localhost).</param>
    private static void FindInValue(ConfigEntry value, bool sentOnlyToLoopback, LoopbackCredentials loopback, Matches matches)
    {
        var text = value.Value;
        if (text.Length < 4 || text.IndexOf("PRIVATE KEY-----", StringComparison.Ordinal) >= 0)
        {
            return;
        }

        // A password that only opens a service on the developer's own machine is a local default, not a secret.
        var opensOnlyLoopback = sentOnlyToLoopback ||
            ((text.Contains("://") || text.IndexOf('=') > 0) && LoopbackCredentials.IsLoopbackAddress(text));

        var found = matches.Count;
        foreach (var pattern in SecretPatterns.All)
        {
            if (pattern.Trigger is not null && text.IndexOf(pattern.Trigger, StringComparison.Ordinal) < 0)
            {
                continue;
            }

            // A token the receiving service issued itself (a JWT) and that only goes back to the developer's own
            // machine was issued there.
            if (sentOnlyToLoopback && pattern.IssuedByTheServiceItOpens)
            {
                continue;
            }

            foreach (Match match in pattern.Regex.Matches(text))
            {
                AddIfSecret(value, pattern.Kind, match.Groups["secret"], pattern.PublicPrefix, matches);
            }
        }

        if (!opensOnlyLoopback && AuthorizationCredentials.In(text, isHeader: value.SettingName.Equals("Authorization", StringComparison.OrdinalIgnoreCase)) is { } credential)
        {
            Add(value, credential.Kind, credential.Secret, credential.Offset, "", matches);
        }

        if (!opensOnlyLoopback && text.IndexOf("://", StringComparison.Ordinal) > 0 && text.IndexOf('@') > 0)
        {
            foreach (Match match in SecretPatterns.UrlCredentials.Matches(text))
            {
                AddIfSecret(value, "password in a URL", match.Groups["secret"], "", matches);
            }
        }

        if (!opensOnlyLoopback && text.IndexOf('=') > 0 &&
            (text.IndexOf("password", StringComparison.OrdinalIgnoreCase) >= 0 || text.IndexOf("pwd", StringComparison.OrdinalIgnoreCase) >= 0))
        {
            // Split as the driver splits it: a quoted password may hold ';' and '=' ("a;Server=b").
            var pairs = ConnectionStringSyntax.Pairs(text);
            if (pairs.Any(p => SecretPatterns.ConnectionStringShapeKeys.Contains(p.Key)))
            {
                foreach (var pair in pairs.Where(p => p.Key.Equals("password", StringComparison.OrdinalIgnoreCase) || p.Key.Equals("pwd", StringComparison.OrdinalIgnoreCase)))
                {
                    AddIfSecret(value, "connection-string password", pair.Value, pair.ValueStart, "", matches);
                }
            }
        }

        if (matches.Count == found && !opensOnlyLoopback && !loopback.IsBesideLoopbackHost(value))
        {
            FindUnderSecretKey(value, matches);
        }
    }

    /// <summary>What a setting named like a secret holds, when it reads as one.</summary>
    private static void FindUnderSecretKey(ConfigEntry value, Matches matches)
    {
        var keyKind = SecretNames.OfSetting(value.Path, value.SettingName);
        if (keyKind == SecretKeyKind.None)
        {
            return;
        }

        var secret = value.Value.Trim();
        var offset = value.Value.IndexOf(secret, StringComparison.Ordinal);
        // A GUID is an identifier under most keys, but under a secret-named one (ClientSecret, ApiKey, Token) it is
        // the secret: many services issue their keys in that shape.
        if (Placeholders.IsPlaceholder(secret))
        {
            return;
        }

        // A random AWS secret may start with '/', which would otherwise read as a path.
        if (keyKind != SecretKeyKind.AwsSecretAccessKey && IsReference(secret))
        {
            return;
        }

        switch (keyKind)
        {
            case SecretKeyKind.Password when secret.Length >= 4:
                Add(value, "password", secret, offset, "", matches);
                break;
            case SecretKeyKind.JwtSigningKey when secret.Length >= MinimumSecretLength && !HasWhitespace(secret):
                Add(value, "JWT signing key", secret, offset, "", matches);
                break;
            case SecretKeyKind.AwsSecretAccessKey when secret.Length == 40 && secret.All(c => char.IsLetterOrDigit(c) || c is '+' or '/'):
                Add(value, "AWS secret access key", secret, offset, "", matches);
                break;
            case SecretKeyKind.Secret when LooksRandom(secret):
                Add(value, "secret under the key '" + value.SettingName + "'", secret, offset, "", matches);
                break;
        }
    }

    private static void AddIfSecret(ConfigEntry value, string kind, Group group, string publicPrefix, Matches matches) =>
        AddIfSecret(value, kind, group.Value, group.Index, publicPrefix, matches);

    private static void AddIfSecret(ConfigEntry value, string kind, string found, int index, string publicPrefix, Matches matches)
    {
        var secret = found.Trim();
        if (secret.Length == 0 || Placeholders.IsPlaceholder(secret))
        {
            return;
        }

        Add(value, kind, secret, index + found.IndexOf(secret, StringComparison.Ordinal), publicPrefix, matches);
    }

    private static void Add(ConfigEntry value, string kind, string secret, int offset, string publicPrefix, Matches matches)
    {
        var column = value.ColumnOf(Math.Max(0, offset));
        if (!matches.Places.Add((value.Line, column)))
        {
            return;
        }

        // Identified by kind and key path; the fingerprint adds the file, the rule and the occurrence. Never by value.
        matches.Add(new SecretMatch(value.Line, column, kind, value.Path, Redaction.Preview(secret, publicPrefix), kind + "|" + value.Path));
    }

    /// <summary>A path to a mounted secret file or a URL without credentials: a reference, not a secret.</summary>
    private static bool IsReference(string value) =>
        value.StartsWith("/", StringComparison.Ordinal) || value.StartsWith("./", StringComparison.Ordinal) ||
        value.StartsWith("~/", StringComparison.Ordinal) || (value.Length > 2 && value[1] == ':' && value[2] is '\\' or '/') ||
        value.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || value.StartsWith("https://", StringComparison.OrdinalIgnoreCase);

    private static bool HasWhitespace(string value) => value.Any(char.IsWhiteSpace);

    /// <summary>Long, without spaces, mixing letters with digits or symbols, and with a random-looking spread of characters.</summary>
    public static bool LooksRandom(string value)
    {
        if (value.Length < MinimumSecretLength || HasWhitespace(value))
        {
            return false;
        }

        var hasLetter = value.Any(char.IsLetter);
        var hasOther = value.Any(c => !char.IsLetter(c));
        var mixedCase = value.Any(char.IsUpper) && value.Any(char.IsLower);
        return hasLetter && (hasOther || mixedCase) && Entropy(value) >= MinimumEntropy;
    }

    /// <summary>Shannon entropy in bits per character.</summary>
    public static double Entropy(string value)
    {
        var counts = new Dictionary<char, int>();
        foreach (var c in value)
        {
            counts.TryGetValue(c, out var n);
            counts[c] = n + 1;
        }

        double entropy = 0;
        foreach (var count in counts.Values)
        {
            var p = (double)count / value.Length;
            entropy -= p * Math.Log(p, 2);
        }

        return entropy;
    }

    /// <summary>The matches of one scan, with the places already taken: one secret is reported once, in constant time.</summary>
    private sealed class Matches : List<SecretMatch>
    {
        public HashSet<(int Line, int Column)> Places { get; } = new();
    }
}
