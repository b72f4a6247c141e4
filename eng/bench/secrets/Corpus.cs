using System.Text;
using System.Text.Json;

namespace SecretsBench;

/// <summary>What a labelled line holds: a planted secret, a placeholder standing for one, or a look-alike.</summary>
public enum LabelClass
{
    Secret,
    Placeholder,
    LookAlike,
}

public sealed record Label(string File, int Line, LabelClass Class, string Kind);

/// <summary>
/// Writes a corpus of config files in every format the SDK scans (appsettings JSON with comments, web.config,
/// nlog.config, YAML, .env, .ini, .properties, .toml), each with realistic filler settings around planted
/// secrets of every kind, placeholders and look-alikes, and the labels saying which line holds which.
/// Deterministic for a seed. Every value is random: none authenticates anywhere.
/// </summary>
public sealed class Corpus
{
    private const string Upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private const string Lower = "abcdefghijklmnopqrstuvwxyz";
    private const string Digits = "0123456789";
    private const string Alnum = Upper + Lower + Digits;
    private const string Base64 = Alnum + "+/";
    private const string Hex = "0123456789abcdef";

    private readonly Random _random;
    private readonly List<Label> _labels = new();

    public Corpus(int seed) => _random = new Random(seed);

    public IReadOnlyList<Label> Labels => _labels;

    public static IReadOnlyList<Label> Generate(string directory, int files, int seed)
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }

        Directory.CreateDirectory(directory);
        var corpus = new Corpus(seed);
        var writers = new Func<string, int, string>[] { corpus.Json, corpus.Xml, corpus.Yaml, corpus.DotEnv, corpus.Ini };
        for (var i = 0; i < files; i++)
        {
            var folder = Path.Combine(directory, "svc" + i.ToString("000"));
            Directory.CreateDirectory(folder);
            writers[i % writers.Length](folder, i);
        }

        File.WriteAllText(Path.Combine(directory, "labels.json"), JsonSerializer.Serialize(corpus._labels));
        return corpus._labels;
    }

    // ---- values -------------------------------------------------------------------------------------------

    private string Chars(string alphabet, int length)
    {
        var builder = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            builder.Append(alphabet[_random.Next(alphabet.Length)]);
        }

        return builder.ToString();
    }

    private T Pick<T>(params T[] items) => items[_random.Next(items.Length)];

    private string Guid() => new Guid(Enumerable.Range(0, 16).Select(_ => (byte)_random.Next(256)).ToArray()).ToString();

    private string Password() => Pick("Summer", "Winter", "Dragon", "Monkey", "Shadow", "Falcon") + _random.Next(10, 99) + Pick("!", "#", "$", "%", "&") + Chars(Lower, 3);

    private string PrivateKeyBody(int lines) => string.Join("\n", Enumerable.Range(0, lines).Select(_ => Chars(Base64, 64)));

    /// <summary>A well-known token: kind and value.</summary>
    private (string Kind, string Value) Token() => _random.Next(11) switch
    {
        0 => ("github", "ghp_" + Chars(Alnum, 36)),
        1 => ("slack", "xoxb-" + Chars(Digits, 11) + "-" + Chars(Digits, 12) + "-" + Chars(Alnum, 24)),
        2 => ("stripe", "sk_live_" + Chars(Alnum, 24)),
        3 => ("sendgrid", "SG." + Chars(Alnum + "-_", 22) + "." + Chars(Alnum + "-_", 43)),
        4 => ("npm", "npm_" + Chars(Alnum, 36)),
        5 => ("google-api", "AIza" + Chars(Alnum + "-_", 35)),
        6 => ("shopify", "shpat_" + Chars(Hex, 32)),
        7 => ("openai", "sk-proj-" + Chars(Alnum, 20) + "T3BlbkFJ" + Chars(Alnum, 20)),
        8 => ("gitlab", "glpat-" + Chars(Alnum, 20)),
        9 => ("aws-access-key-id", "AKIA" + Chars(Upper + Digits, 16)),
        _ => ("slack-webhook", "https://hooks.slack.com/services/T" + Chars(Upper + Digits, 8) + "/B" + Chars(Upper + Digits, 8) + "/" + Chars(Alnum, 24)),
    };

    private string UrlWithCredentials(string password) =>
        Pick("postgres", "mysql", "mongodb", "redis", "amqp", "https") + "://" + Pick("app", "admin", "svc", "deploy") + ":" + password + "@" + Pick("db", "cache", "mq", "internal.example.net") + ":" + _random.Next(1000, 9999) + "/" + Pick("app", "orders", "vhost", "");

    private string ConnectionString(string password) =>
        $"Server={Pick("db", "sql01", "tcp:sql.example.net,1433")};Database={Pick("Orders", "Billing", "Users")};User Id={Pick("app", "sa", "svc_orders")};Password={password};TrustServerCertificate=True";

    private string AzureStorage() =>
        "DefaultEndpointsProtocol=https;AccountName=" + Chars(Lower, 10) + ";AccountKey=" + Chars(Base64, 86) + "==;EndpointSuffix=core.windows.net";

    private (string Key, string Value) PlaceholderPair() => _random.Next(12) switch
    {
        0 => ("Password", "${DB_PASSWORD}"),
        1 => ("ApiKey", "<your-api-key>"),
        2 => ("ClientSecret", "%CLIENT_SECRET%"),
        3 => ("Token", ""),
        4 => ("Password", "changeme"),
        5 => ("ClientSecret", "__CLIENT_SECRET__"),
        6 => ("ApiKey", "#{ApiKey}#"),
        7 => ("ClientSecret", "@Microsoft.KeyVault(SecretUri=https://vault.vault.azure.net/secrets/client-secret)"),
        8 => ("AccessKeyId", "AKIAIOSFODNN7EXAMPLE"),
        9 => ("ConnectionString", "Server=db;Database=app;User Id=app;Password=${DB_PASSWORD};"),
        10 => ("DatabaseUrl", "postgres://app:${DB_PASSWORD}@db:5432/app"),
        _ => ("SigningKey", "{{ jwt_signing_key }}"),
    };

    private (string Key, string Value) LookAlikePair() => _random.Next(12) switch
    {
        0 => ("ClientId", Guid()),
        1 => ("InstrumentationKey", Guid()),
        2 => ("CommitSha", Chars(Hex, 40)),
        3 => ("ContentHash", Chars(Hex, 64)),
        4 => ("TenantId", Guid()),
        5 => ("PasswordLength", _random.Next(8, 32).ToString()),
        6 => ("TokenLifetime", "00:" + _random.Next(10, 59) + ":00"),
        7 => ("PublicKeyThumbprint", Chars(Hex.ToUpperInvariant(), 40)),
        8 => ("Endpoint", "https://" + Pick("api", "auth", "files") + ".example.net/" + Chars(Lower, 8)),
        9 => ("CorrelationId", Chars(Alnum, 24)),
        10 => ("BuildNumber", "1." + _random.Next(100) + "." + _random.Next(1000) + "-" + Chars(Hex, 8)),
        _ => ("TokenEndpoint", "https://login.example.net/" + Guid() + "/oauth2/v2.0/token"),
    };

    /// <summary>A secret as a key and value for key=value formats, with its label's kind.</summary>
    private (string Key, string Value, string Kind) SecretPair()
    {
        switch (_random.Next(8))
        {
            case 0:
                var pw = Password();
                return ("DbPassword", pw, "password");
            case 1:
                return ("DatabaseUrl", UrlWithCredentials(Chars(Alnum, 16)), "url-credentials");
            case 2:
                return ("ConnectionString", ConnectionString(Chars(Alnum + "!#%", 14)), "connection-string-password");
            case 3:
                return ("JwtSigningKey", Chars(Alnum, 40), "jwt-signing-key");
            case 4:
                return ("ClientSecret", Chars(Alnum + "~._-", 34), "high-entropy-secret");
            case 5:
                return ("StorageConnection", AzureStorage(), "azure-storage-key");
            case 6:
                return ("AWS_SECRET_ACCESS_KEY", Chars(Base64, 40), "aws-secret-access-key");
            default:
                var token = Token();
                return (Pick("ApiToken", "ServiceKey", "Integration", "Webhook"), token.Value, token.Kind);
        }
    }

    private (string Key, string Value, LabelClass Class, string Kind) LabelledPair()
    {
        var roll = _random.Next(10);
        if (roll < 5)
        {
            var (key, value, kind) = SecretPair();
            return (key, value, LabelClass.Secret, kind);
        }

        if (roll < 7)
        {
            var (key, value) = PlaceholderPair();
            return (key, value, LabelClass.Placeholder, "placeholder");
        }

        var lookAlike = LookAlikePair();
        return (lookAlike.Key, lookAlike.Value, LabelClass.LookAlike, "look-alike");
    }

    private IEnumerable<(string Key, string Value)> Filler(int count)
    {
        for (var i = 0; i < count; i++)
        {
            yield return _random.Next(8) switch
            {
                0 => ("LogLevel" + i, Pick("Information", "Warning", "Debug")),
                1 => ("Feature" + i + "Enabled", Pick("true", "false")),
                2 => ("TimeoutSeconds" + i, _random.Next(1, 600).ToString()),
                3 => ("QueueName" + i, Pick("orders", "billing", "emails") + "-" + Chars(Lower, 5)),
                4 => ("Endpoint" + i, "http://" + Pick("orders", "billing", "catalog") + ":8080/" + Chars(Lower, 6)),
                5 => ("Description" + i, "Handles " + Pick("orders", "refunds", "users") + " for the " + Pick("EU", "US", "APAC") + " region"),
                6 => ("RetryCount" + i, _random.Next(0, 10).ToString()),
                _ => ("Culture" + i, Pick("en-US", "de-DE", "fr-FR")),
            };
        }
    }

    // ---- formats --------------------------------------------------------------------------------------------

    /// <summary>Lines being written to one file, with labels for the lines that hold something.</summary>
    private sealed class Document
    {
        private readonly Corpus _corpus;
        private readonly string _path;

        public Document(Corpus corpus, string path)
        {
            _corpus = corpus;
            _path = path;
        }

        public List<string> Lines { get; } = new();

        public void Add(string line, LabelClass? label = null, string kind = "")
        {
            Lines.Add(line);
            if (label is { } value)
            {
                _corpus._labels.Add(new Label(_path, Lines.Count, value, kind));
            }
        }

        public void Save() => File.WriteAllText(_path, string.Join("\n", Lines) + "\n");
    }

    private static string JsonText(string value) => JsonSerializer.Serialize(value)[1..^1];

    private string Json(string folder, int index)
    {
        var path = Path.Combine(folder, Pick("appsettings.json", "appsettings.Production.json", "settings.json"));
        var doc = new Document(this, path);
        doc.Add("{");
        doc.Add("  // Settings for service " + index + ": comments and trailing commas, as .NET configuration allows");
        for (var section = 0; section < 6; section++)
        {
            doc.Add($"  \"Section{section}\": {{");
            foreach (var (key, value) in Filler(_random.Next(6, 14)))
            {
                doc.Add($"    \"{key}\": \"{JsonText(value)}\",");
            }

            for (var n = _random.Next(1, 4); n > 0; n--)
            {
                var (key, value, label, kind) = LabelledPair();
                doc.Add($"    \"{key}\": \"{JsonText(value)}\",", label, kind);
            }

            doc.Add("  },");
        }

        if (_random.Next(6) == 0)
        {
            // A GCP service account key, pasted as a section.
            doc.Add("  \"ServiceAccount\": {");
            doc.Add("    \"type\": \"service_account\",");
            doc.Add("    \"project_id\": \"proj-" + Chars(Lower, 6) + "\",");
            doc.Add("    \"private_key_id\": \"" + Chars(Hex, 40) + "\",");
            doc.Add("    \"private_key\": \"-----BEGIN PRIVATE KEY-----\\n" + PrivateKeyBody(8).Replace("\n", "\\n") + "\\n-----END PRIVATE KEY-----\\n\",", LabelClass.Secret, "gcp-service-account");
            doc.Add("    \"client_email\": \"svc@proj.iam.gserviceaccount.com\"");
            doc.Add("  },");
        }

        doc.Add("}");
        doc.Save();
        return path;
    }

    private string Xml(string folder, int index)
    {
        var path = Path.Combine(folder, Pick("web.config", "app.config", "nlog.config"));
        var doc = new Document(this, path);
        doc.Add("<?xml version=\"1.0\" encoding=\"utf-8\"?>");
        doc.Add("<configuration>");
        doc.Add("  <connectionStrings>");
        for (var n = _random.Next(1, 4); n > 0; n--)
        {
            switch (_random.Next(3))
            {
                case 0:
                    doc.Add($"    <add name=\"Db{n}\" connectionString=\"{ConnectionString(Chars(Alnum, 12))}\" providerName=\"System.Data.SqlClient\" />", LabelClass.Secret, "connection-string-password");
                    break;
                case 1:
                    doc.Add($"    <add name=\"Db{n}\" connectionString=\"Server=db;Database=app;Integrated Security=true\" />", LabelClass.LookAlike, "look-alike");
                    break;
                default:
                    doc.Add($"    <add name=\"Db{n}\" connectionString=\"Server=db;Database=app;User Id=app;Password=$(DbPassword)\" />", LabelClass.Placeholder, "placeholder");
                    break;
            }
        }

        doc.Add("  </connectionStrings>");
        doc.Add("  <appSettings>");
        foreach (var (key, value) in Filler(_random.Next(20, 40)))
        {
            doc.Add($"    <add key=\"{key}\" value=\"{System.Security.SecurityElement.Escape(value)}\" />");
        }

        for (var n = _random.Next(2, 6); n > 0; n--)
        {
            var (key, value, label, kind) = LabelledPair();
            doc.Add($"    <add key=\"{key}\" value=\"{System.Security.SecurityElement.Escape(value)}\" />", label, kind);
        }

        doc.Add("  </appSettings>");
        doc.Add("</configuration>");
        doc.Save();
        return path;
    }

    private string Yaml(string folder, int index)
    {
        var path = Path.Combine(folder, Pick("config.yaml", "values.yml", "application.yaml"));
        var doc = new Document(this, path);
        doc.Add("# service " + index);
        for (var section = 0; section < 4; section++)
        {
            doc.Add($"section{section}:");
            foreach (var (key, value) in Filler(_random.Next(6, 12)))
            {
                doc.Add($"  {key}: \"{value}\"");
            }

            for (var n = _random.Next(1, 3); n > 0; n--)
            {
                var (key, value, label, kind) = LabelledPair();
                doc.Add($"  {key}: \"{value}\"", label, kind);
            }
        }

        if (_random.Next(4) == 0)
        {
            doc.Add("tls:");
            doc.Add("  privateKey: |");
            doc.Add("    -----BEGIN " + Pick("RSA ", "EC ", "OPENSSH ", "") + "PRIVATE KEY-----", LabelClass.Secret, "private-key");
            foreach (var line in PrivateKeyBody(10).Split('\n'))
            {
                doc.Add("    " + line);
            }

            doc.Add("    -----END PRIVATE KEY-----");
        }
        else if (_random.Next(3) == 0)
        {
            doc.Add("tls:");
            doc.Add("  certificate: |");
            doc.Add("    -----BEGIN CERTIFICATE-----", LabelClass.LookAlike, "look-alike");
            foreach (var line in PrivateKeyBody(6).Split('\n'))
            {
                doc.Add("    " + line);
            }

            doc.Add("    -----END CERTIFICATE-----");
        }

        doc.Save();
        return path;
    }

    private string DotEnv(string folder, int index)
    {
        var path = Path.Combine(folder, Pick(".env", ".env.production", "docker.env"));
        var doc = new Document(this, path);
        doc.Add("# environment for service " + index);
        foreach (var (key, value) in Filler(_random.Next(15, 30)))
        {
            doc.Add($"{ToEnvName(key)}={value.Replace(' ', '_')}");
        }

        for (var n = _random.Next(2, 6); n > 0; n--)
        {
            var (key, value, label, kind) = LabelledPair();
            doc.Add($"{ToEnvName(key)}={value}", label, kind);
        }

        doc.Save();
        return path;
    }

    private string Ini(string folder, int index)
    {
        var (name, separator) = Pick(("settings.ini", " = "), ("application.properties", "="), ("config.toml", " = "));
        var path = Path.Combine(folder, name);
        var doc = new Document(this, path);
        var quote = name.EndsWith(".toml", StringComparison.Ordinal) ? "\"" : "";
        for (var section = 0; section < 3; section++)
        {
            doc.Add($"[section{section}]");
            foreach (var (key, value) in Filler(_random.Next(6, 12)))
            {
                doc.Add($"{key}{separator}{quote}{value}{quote}");
            }

            for (var n = _random.Next(1, 3); n > 0; n--)
            {
                var (key, value, label, kind) = LabelledPair();
                doc.Add($"{key}{separator}{quote}{value}{quote}", label, kind);
            }
        }

        doc.Save();
        return path;
    }

    private static string ToEnvName(string key) =>
        string.Concat(key.Select((c, i) => i > 0 && char.IsUpper(c) && !char.IsUpper(key[i - 1]) ? "_" + c : c.ToString())).ToUpperInvariant();
}
