using TwelveFactor.Sdk.Reading;

namespace TwelveFactor.Sdk.Knowledge;

/// <summary>Names config, environment and key files by their file names, as the rules see them.</summary>
public static class ConfigFiles
{
    /// <summary>Config files larger than this are data, not settings, and are not scanned.</summary>
    public const long MaximumFileSize = 4 * 1024 * 1024;

    /// <summary>Environments a file name may be specific to (name.ENVIRONMENT.ext), besides whatever follows "appsettings.".</summary>
    private static readonly HashSet<string> EnvironmentNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "production", "prod", "staging", "stage", "test", "testing", "qa", "uat", "docker", "development", "dev", "local",
        "preprod", "integration", "k8s", "kubernetes", "azure", "aws", "release", "debug",
    };

    /// <summary>The extensions of a config file that may carry an environment before them.</summary>
    private static readonly HashSet<string> EnvironmentConfigExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        "json", "config", "yaml", "yml", "xml", "ini", "toml", "properties",
    };

    /// <summary>JSON files the .NET SDK and package managers generate, and that hold no settings.</summary>
    private static readonly string[] GeneratedJsonSuffixes =
    {
        ".deps.json", ".runtimeconfig.json", ".runtimeconfig.dev.json", ".staticwebassets.runtime.json",
        ".staticwebassets.endpoints.json", "packages.lock.json", ".nuget.dgspec.json", "project.assets.json",
        "global.json", ".sourcelink.json", "package-lock.json", "npm-shrinkwrap.json",
    };

    private static readonly HashSet<string> KeyFileExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".pfx", ".p12", ".key", ".jwk", ".jks", ".keystore", ".ppk", ".p8", ".publishsettings",
    };

    private static readonly HashSet<string> CredentialFileNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "id_rsa", "id_dsa", "id_ecdsa", "id_ed25519", ".pgpass", ".netrc", "_netrc", ".git-credentials",
    };

    public static ConfigFormat FormatOf(string path)
    {
        var name = Path.GetFileName(path);
        if (IsDotEnv(name))
        {
            return ConfigFormat.KeyValue;
        }

        if (GeneratedJsonSuffixes.Any(suffix => name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)))
        {
            return ConfigFormat.None;
        }

        switch (Path.GetExtension(name).ToLowerInvariant())
        {
            case ".json":
                return ConfigFormat.Json;
            case ".config":
            case ".xml":
                return ConfigFormat.Xml;
            case ".yaml":
            case ".yml":
                return ConfigFormat.Yaml;
            case ".ini":
            case ".env":
            case ".properties":
            case ".toml":
            case ".conf":
            case ".cfg":
                return ConfigFormat.KeyValue;
            default:
                return ConfigFormat.None;
        }
    }

    public static bool IsConfigFile(string path) => FormatOf(path) != ConfigFormat.None;

    /// <summary>.env, .env.production, production.env.</summary>
    public static bool IsDotEnv(string fileName) =>
        fileName.Equals(".env", StringComparison.OrdinalIgnoreCase) ||
        fileName.StartsWith(".env.", StringComparison.OrdinalIgnoreCase) ||
        fileName.EndsWith(".env", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The environment a file is specific to ("Production" for appsettings.Production.json, "Docker" for
    /// docker.env), or null for a file that serves every environment. User-secrets copies count as
    /// "user secrets".
    /// </summary>
    public static string? EnvironmentOf(string path)
    {
        var name = Path.GetFileName(path);
        if (name.Equals("secrets.json", StringComparison.OrdinalIgnoreCase) ||
            name.Equals("usersecrets.json", StringComparison.OrdinalIgnoreCase))
        {
            return "user secrets";
        }

        if (IsDotEnv(name))
        {
            var rest = name.Equals(".env", StringComparison.OrdinalIgnoreCase) ? "" :
                name.StartsWith(".env.", StringComparison.OrdinalIgnoreCase) ? name.Substring(5) : name.Substring(0, name.Length - 4);
            // .env.example and .env.template document the variables without values; they are not config.
            return rest.Equals("example", StringComparison.OrdinalIgnoreCase) || rest.Equals("template", StringComparison.OrdinalIgnoreCase) ||
                   rest.Equals("sample", StringComparison.OrdinalIgnoreCase) || rest.Equals("dist", StringComparison.OrdinalIgnoreCase)
                ? null
                : rest.Length == 0 ? "dotenv" : rest;
        }

        var parts = name.Split('.');
        // appsettings.<Environment>.<ext>, web.<Environment>.config, nlog.<Environment>.config
        if (parts.Length == 3 && parts[1].Length > 0 && IsConfigFile(name) &&
            (parts[0].Equals("appsettings", StringComparison.OrdinalIgnoreCase) ||
             parts[0].Equals("web", StringComparison.OrdinalIgnoreCase) ||
             parts[0].Equals("app", StringComparison.OrdinalIgnoreCase) ||
             parts[0].Equals("nlog", StringComparison.OrdinalIgnoreCase) ||
             parts[0].Equals("serilog", StringComparison.OrdinalIgnoreCase) ||
             parts[0].Equals("log4net", StringComparison.OrdinalIgnoreCase)))
        {
            return parts[1];
        }

        // name.production.json, docker.yaml's kin: compared word by word rather than by a pattern, since a check
        // that meets no config file (a publish folder of assemblies) should not pay for building one.
        return parts.Length >= 3 && EnvironmentConfigExtensions.Contains(parts[^1]) && EnvironmentNames.Contains(parts[^2])
            ? parts[^2]
            : null;
    }

    /// <summary>appsettings.Development.json and its kin: for local runs only, fine in the build output.</summary>
    public static bool IsForLocalRuns(string environment) =>
        environment.Equals("Development", StringComparison.OrdinalIgnoreCase) ||
        environment.Equals("Dev", StringComparison.OrdinalIgnoreCase) ||
        environment.Equals("Local", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// True for key and credential files. A .pem or .crt counts only when it holds a private key (a
    /// certificate alone is public), so <paramref name="readText"/> is asked for its text only then.
    /// </summary>
    public static bool IsKeyFile(string path, Func<string, string?> readText)
    {
        var name = Path.GetFileName(path);
        if (CredentialFileNames.Contains(name) || KeyFileExtensions.Contains(Path.GetExtension(name)))
        {
            return true;
        }

        var extension = Path.GetExtension(name).ToLowerInvariant();
        if (extension is ".pem" or ".crt" or ".cer" or ".asc")
        {
            var text = readText(path);
            return text is not null && PrivateKeys.ContainsPrivateKey(text);
        }

        return false;
    }

    /// <summary>A file's text, or null when it is too large for a config file or cannot be read.</summary>
    public static string? ReadTextOrNull(string path)
    {
        try
        {
            return InputFile.ReadText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
