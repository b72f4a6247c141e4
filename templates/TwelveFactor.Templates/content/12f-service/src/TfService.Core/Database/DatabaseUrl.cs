using System.Globalization;
using System.Text;
using Npgsql;

namespace TfService.Core.Database;

/// <summary>
/// Factor IV: the database is an attached resource located by one URL,
/// postgres://user:password@host:port/database?option=value, the form platforms hand out in DATABASE_URL.
/// </summary>
public static class DatabaseUrl
{
    public const string Expected = "postgres://user:password@host:port/database";

    /// <summary>
    /// The URL with its password replaced by ***, cut from the text itself: between the user's ':' and the '@' that
    /// ends the user info (the parsed URL's user info may be spelled differently: %41 comes back as A, a space as
    /// %20, so replacing it would miss). A value that is no URL is not shown at all: it may carry a secret in
    /// another form.
    /// </summary>
    public static string? Redact(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return value;
        }
        var scheme = value.IndexOf("://", StringComparison.Ordinal);
        if (scheme < 0 || !Uri.TryCreate(value, UriKind.Absolute, out _))
        {
            return "(set, but not a URL: not shown)";
        }
        // A URL that parses has no '/', '?' or '#' before its host: the first of them ends the authority.
        var start = scheme + 3;
        var end = value.IndexOfAny(['/', '?', '#'], start);
        var at = value.LastIndexOf('@', (end < 0 ? value.Length : end) - 1);
        var colon = at > start ? value.IndexOf(':', start, at - start) : -1;
        return colon < 0 ? value : value[..(colon + 1)] + "***" + value[at..];
    }

    /// <summary>The Npgsql connection string for the URL; throws <see cref="FormatException"/> without echoing the URL.</summary>
    public static string ToConnectionString(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("postgres" or "postgresql"))
        {
            throw new FormatException("not a postgres:// URL");
        }
        var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (uri.Host.Length == 0 || database.Length == 0)
        {
            throw new FormatException("the URL names no host or no database");
        }

        var userInfo = uri.UserInfo.Split(':', 2);
        var user = userInfo[0].Length > 0 ? Uri.UnescapeDataString(userInfo[0]) : null;
        var password = userInfo.Length == 2 ? Uri.UnescapeDataString(userInfo[1]) : null;
        var port = uri.IsDefaultPort ? 5432 : uri.Port;
        var options = uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries);
        return options.Length == 0
            ? Write(uri.Host, port, database, user, password)
            : WriteWithOptions(uri.Host, port, database, user, password, options);
    }

    /// <summary>
    /// Written directly, every value in double quotes with its own quotes doubled, which is how a connection string
    /// quotes a value that holds ';', quotes or spaces. Nothing else is loaded at start-up for it (factor IX: fast
    /// start-up): Npgsql's builder reflects over Npgsql's options, and .NET's DbConnectionStringBuilder brings in
    /// System.Data.Common, TypeConverter and regular expressions.
    /// </summary>
    private static string Write(string host, int port, string database, string? user, string? password)
    {
        var text = new StringBuilder();
        Append(text, "Host", host);
        Append(text, "Port", port.ToString(CultureInfo.InvariantCulture));
        Append(text, "Database", database);
        if (user is not null)
        {
            Append(text, "Username", user);
        }
        if (password is not null)
        {
            Append(text, "Password", password);
        }
        return text.ToString();
    }

    private static void Append(StringBuilder text, string key, string value) =>
        text.Append(key).Append("=\"").Append(value.Replace("\"", "\"\"", StringComparison.Ordinal)).Append("\";");

    /// <summary>Options go through Npgsql's builder, which knows every option and rejects one it does not.</summary>
    private static string WriteWithOptions(string host, int port, string database, string? user, string? password, string[] options)
    {
        var builder = new NpgsqlConnectionStringBuilder { Host = host, Port = port, Database = database };
        if (user is not null)
        {
            builder.Username = user;
        }
        if (password is not null)
        {
            builder.Password = password;
        }
        foreach (var option in options)
        {
            var pair = option.Split('=', 2);
            try
            {
                builder[Uri.UnescapeDataString(pair[0])] = pair.Length == 2 ? Uri.UnescapeDataString(pair[1]) : "true";
            }
            catch (ArgumentException)
            {
                throw new FormatException($"unknown connection option '{Uri.UnescapeDataString(pair[0])}'");
            }
        }
        return builder.ConnectionString;
    }
}
