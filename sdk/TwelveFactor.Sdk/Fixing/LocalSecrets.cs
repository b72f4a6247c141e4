using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using TwelveFactor.Sdk.Reading;

namespace TwelveFactor.Sdk.Fixing;

/// <summary>
/// Where a secret goes when it leaves a committed config file: its environment variable's name (no value) into
/// the project's .env.example, which documents what the service reads from its environment, and its value into
/// the project's user secrets (the store of dotnet user-secrets, under the user's profile and outside the
/// repository), which .NET configuration reads in Development.
/// </summary>
public static class LocalSecrets
{
    public const string EnvironmentExampleName = ".env.example";

    /// <summary>
    /// The edit that appends the names .env.example does not declare yet, one NAME= line each in the file's own
    /// line endings; null when it declares them all.
    /// </summary>
    public static TextEdit? DeclareVariables(string text, IEnumerable<MovedSetting> settings)
    {
        var declared = new HashSet<string>(DeclaredNames(text), StringComparer.Ordinal);
        var names = settings.Select(s => s.VariableName).Where(declared.Add).ToList();
        if (names.Count == 0)
        {
            return null;
        }

        var newline = text.Contains("\r\n") ? "\r\n" : "\n";
        var appended = new StringBuilder();
        if (text.Length == 0)
        {
            appended.Append("# What the service reads from its environment. Values are set where it runs, never committed.").Append(newline);
        }
        else if (!text.EndsWith('\n'))
        {
            appended.Append(newline);
        }

        foreach (var name in names)
        {
            appended.Append(name).Append('=').Append(newline);
        }

        return new TextEdit(text.Length, 0, appended.ToString());
    }

    /// <summary>The names a .env file declares: NAME=value and export NAME=value lines; comments skipped.</summary>
    private static IEnumerable<string> DeclaredNames(string text)
    {
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.StartsWith("export ", StringComparison.Ordinal))
            {
                line = line.Substring("export ".Length).TrimStart();
            }

            var equals = line.IndexOf('=');
            if (equals > 0 && !line.StartsWith("#", StringComparison.Ordinal))
            {
                yield return line.Substring(0, equals).Trim();
            }
        }
    }

    /// <summary>
    /// The edit that adds &lt;UserSecretsId&gt; to the project's first PropertyGroup, indented as its other
    /// properties; null when the project has no PropertyGroup to add it to.
    /// </summary>
    public static TextEdit? AddUserSecretsId(string projectText, string id)
    {
        var group = projectText.IndexOf("<PropertyGroup", StringComparison.Ordinal);
        var close = group < 0 ? -1 : projectText.IndexOf("</PropertyGroup>", group, StringComparison.Ordinal);
        if (close < 0)
        {
            return null;
        }

        var lineStart = projectText.LastIndexOf('\n', close - 1) + 1;
        if (projectText.Substring(lineStart, close - lineStart).Trim().Length > 0)
        {
            return null; // the group closes on a line with other markup: no line of its own to add
        }

        var newline = projectText.Contains("\r\n") ? "\r\n" : "\n";
        var previous = projectText.LastIndexOf('\n', Math.Max(lineStart - 2, 0)) + 1;
        var previousLine = projectText.Substring(previous, Math.Max(lineStart - previous, 0));
        var closingIndent = projectText.Substring(lineStart, close - lineStart);
        var indent = previous > group ? previousLine.Substring(0, previousLine.Length - previousLine.TrimStart().Length) : closingIndent + "  ";
        return new TextEdit(lineStart, 0, indent + "<UserSecretsId>" + id + "</UserSecretsId>" + newline);
    }

    /// <summary>
    /// secrets.json of a user secrets id, where Microsoft.Extensions.Configuration.UserSecrets looks for it:
    /// %APPDATA%\Microsoft\UserSecrets\{id} when APPDATA is set, otherwise ~/.microsoft/usersecrets/{id}.
    /// </summary>
    public static string SecretsFile(string id)
    {
        var appData = Environment.GetEnvironmentVariable("APPDATA");
        if (!string.IsNullOrEmpty(appData))
        {
            return Path.Combine(appData, "Microsoft", "UserSecrets", id, "secrets.json");
        }

        var home = Environment.GetEnvironmentVariable("HOME");
        var root = !string.IsNullOrEmpty(home) ? home! : Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return Path.Combine(root, ".microsoft", "usersecrets", id, "secrets.json");
    }

    /// <summary>
    /// Adds the settings to secrets.json under their configuration keys, as dotnet user-secrets set does; a key it
    /// holds already keeps the developer's value. Returns the keys added.
    /// </summary>
    public static IReadOnlyList<string> Store(string secretsFile, IEnumerable<MovedSetting> settings)
    {
        var secrets = File.Exists(secretsFile)
            ? JsonNode.Parse(InputFile.ReadBytes(secretsFile), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }) as JsonObject ?? new JsonObject()
            : new JsonObject();
        var added = new List<string>();
        foreach (var setting in settings)
        {
            if (!secrets.ContainsKey(setting.Key))
            {
                secrets[setting.Key] = setting.Value;
                added.Add(setting.Key);
            }
        }

        if (added.Count > 0)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(secretsFile)!);
            File.WriteAllText(secretsFile, secrets.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        }

        return added;
    }
}
