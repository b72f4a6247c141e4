using Npgsql;

namespace TfService.Core.Database;

/// <summary>
/// Factor IV: the database is an attached resource located by one URL,
/// postgres://user:password@host:port/database?option=value, the form platforms hand out in DATABASE_URL.
/// </summary>
public static class DatabaseUrl
{
    public const string Expected = "postgres://user:password@host:port/database";

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

        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.IsDefaultPort ? 5432 : uri.Port,
            Database = database,
        };
        var userInfo = uri.UserInfo.Split(':', 2);
        if (userInfo[0].Length > 0)
        {
            builder.Username = Uri.UnescapeDataString(userInfo[0]);
        }
        if (userInfo.Length == 2)
        {
            builder.Password = Uri.UnescapeDataString(userInfo[1]);
        }
        foreach (var option in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
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
