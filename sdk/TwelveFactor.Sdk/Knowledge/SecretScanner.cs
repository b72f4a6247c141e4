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

    public static SecretScan Scan(string path, string text)
    {
        var format = ConfigFiles.FormatOf(path);
        ConfigFileProblem? problem = null;
        IReadOnlyList<ConfigEntry> values;
        if (format == ConfigFormat.Json)
        {
            // .NET configuration's reading: comments and trailing commas allowed; a file that does not parse is
            // still read for what it holds, and its problem reported.
            var json = ConfigJson.Parse(text);
            problem = json.Problem;
            values = json.Entries;
        }
        else
        {
            values = ConfigLines.Read(text, format == ConfigFormat.None ? ConfigFormat.KeyValue : format);
        }

        var matches = new List<SecretMatch>();
        FindPrivateKeys(text, matches);
        var loopback = LoopbackCredentials.In(values);
        foreach (var value in values)
        {
            FindInValue(value, loopback, matches);
        }

        matches.Sort((a, b) => a.Line != b.Line ? a.Line.CompareTo(b.Line) : a.Column.CompareTo(b.Column));
        return new SecretScan(matches, problem);
    }

    private static void FindPrivateKeys(string text, List<SecretMatch> matches)
    {
        TextPositions? positions = null;
        foreach (var block in PrivateKeys.Find(text))
        {
            positions ??= new TextPositions(text);
            var (line, column) = positions.At(block.Offset);
            var isServiceAccount = text.IndexOf("service_account", StringComparison.Ordinal) >= 0;
            var kind = isServiceAccount ? "GCP service account private key" : "private key";
            matches.Add(new SecretMatch(line, column, kind, "", "-----BEGIN " + block.Header + "----- *** (" + block.Body.Length + " characters of key material)",
                kind + "||" + Redaction.Hash(block.Body)));
        }
    }

    private static void FindInValue(ConfigEntry value, LoopbackCredentials loopback, List<SecretMatch> matches)
    {
        var text = value.Value;
        if (text.Length < 4 || text.IndexOf("PRIVATE KEY-----", StringComparison.Ordinal) >= 0)
        {
            return;
        }

        // A password that only opens a service on the developer's own machine is a local default, not a secret.
        var opensOnlyLoopback = (text.Contains("://") || text.IndexOf('=') > 0) && LoopbackCredentials.IsLoopbackAddress(text);

        var found = matches.Count;
        foreach (var pattern in SecretPatterns.All)
        {
            if (pattern.Trigger is not null && text.IndexOf(pattern.Trigger, StringComparison.Ordinal) < 0)
            {
                continue;
            }

            foreach (Match match in pattern.Regex.Matches(text))
            {
                AddIfSecret(value, pattern.Kind, match.Groups["secret"], pattern.PublicPrefix, matches);
            }
        }

        if (!opensOnlyLoopback && text.IndexOf("://", StringComparison.Ordinal) > 0 && text.IndexOf('@') > 0)
        {
            foreach (Match match in SecretPatterns.UrlCredentials.Matches(text))
            {
                AddIfSecret(value, "password in a URL", match.Groups["secret"], "", matches);
            }
        }

        if (!opensOnlyLoopback && text.IndexOf('=') > 0 &&
            (text.IndexOf("password", StringComparison.OrdinalIgnoreCase) >= 0 || text.IndexOf("pwd", StringComparison.OrdinalIgnoreCase) >= 0) &&
            SecretPatterns.ConnectionStringShape.IsMatch(text))
        {
            foreach (Match match in SecretPatterns.ConnectionStringPassword.Matches(text))
            {
                AddIfSecret(value, "connection-string password", match.Groups["secret"], "", matches);
            }
        }

        if (matches.Count == found && !opensOnlyLoopback && !loopback.IsBesideLoopbackHost(value))
        {
            FindUnderSecretKey(value, matches);
        }
    }

    /// <summary>What a setting named like a secret holds, when it reads as one.</summary>
    private static void FindUnderSecretKey(ConfigEntry value, List<SecretMatch> matches)
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

    private static void AddIfSecret(ConfigEntry value, string kind, Group group, string publicPrefix, List<SecretMatch> matches)
    {
        var secret = group.Value.Trim();
        if (secret.Length == 0 || Placeholders.IsPlaceholder(secret))
        {
            return;
        }

        Add(value, kind, secret, group.Index + group.Value.IndexOf(secret, StringComparison.Ordinal), publicPrefix, matches);
    }

    private static void Add(ConfigEntry value, string kind, string secret, int offset, string publicPrefix, List<SecretMatch> matches)
    {
        var column = value.ColumnOf(Math.Max(0, offset));
        if (matches.Any(m => m.Line == value.Line && m.Column == column))
        {
            return;
        }

        matches.Add(new SecretMatch(value.Line, column, kind, value.Path, Redaction.Preview(secret, publicPrefix),
            kind + "|" + value.Path + "|" + Redaction.Hash(secret)));
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
}
