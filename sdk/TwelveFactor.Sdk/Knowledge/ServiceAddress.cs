using System.Text.RegularExpressions;

namespace TwelveFactor.Sdk.Knowledge;

/// <summary>
/// The network address a config value points at, as shown in a finding: host and port only, never a user
/// name or password.
/// </summary>
public sealed record ServiceAddress(string Host, string Shown)
{
    private static readonly string[] LocalHosts = { "localhost", "127.0.0.1", "::1", "[::1]", "(localdb)", "(local)", ".", "host.docker.internal" };

    /// <summary>An address on the developer's own machine (or its container host).</summary>
    public bool IsLocal =>
        LocalHosts.Contains(Host.ToLowerInvariant()) || Host.StartsWith("127.", StringComparison.Ordinal) ||
        Host.StartsWith("(localdb)", StringComparison.OrdinalIgnoreCase) ||
        Host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Only this machine's loopback interface or its LocalDB: localhost, 127.0.0.0/8, ::1, (localdb). Narrower than
    /// <see cref="IsLocal"/>, which also takes the machine's default SQL Server instance and the container host.
    /// </summary>
    public bool IsLoopback =>
        Host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || Host.StartsWith("127.", StringComparison.Ordinal) ||
        Host is "::1" or "[::1]" || Host.StartsWith("(localdb)", StringComparison.OrdinalIgnoreCase) ||
        Host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase);

    /// <summary>True when the address is a real one, not a placeholder or a documentation name.</summary>
    public bool IsFixed => !Placeholders.ContainsPlaceholder(Host) && !Placeholders.IsReservedHost(Host) && Host != "*" && Host != "+";
}

/// <summary>Finds the address in a URL or an ADO.NET-style connection string.</summary>
public static class ServiceAddresses
{
    private static readonly Regex UrlPattern = new(
        @"^(?<scheme>[a-z][a-z0-9+.-]*)://(?:[^/?#]*@)?(?<host>\[[^\]]+\]|[^:/?#,;]+)(?::(?<port>\d+))?",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);

    public static bool IsBackingServiceUrl(string value)
    {
        var match = UrlPattern.Match(value.Trim());
        return match.Success && BackingServices.IsServiceScheme(match.Groups["scheme"].Value);
    }

    public static bool IsHttpUrl(string value)
    {
        var match = UrlPattern.Match(value.Trim());
        return match.Success && match.Groups["scheme"].Value.ToLowerInvariant() is "http" or "https";
    }

    /// <summary>The host of a URL with an authority (scheme://[user@]host[:port]/...), or null.</summary>
    public static ServiceAddress? FromUrl(string value)
    {
        var match = UrlPattern.Match(value.Trim());
        if (!match.Success)
        {
            return null;
        }

        var host = match.Groups["host"].Value;
        var port = match.Groups["port"].Success ? ":" + match.Groups["port"].Value : "";
        return new ServiceAddress(host, host + port);
    }

    /// <summary>
    /// The server of a connection string ("Host=db;Port=5432;...", "Server=tcp:sql,1433;...",
    /// "redis:6379,password=..."), or null when it names none (a SQLite file, an in-memory database).
    /// </summary>
    public static ServiceAddress? FromConnectionString(string value)
    {
        var text = value.Trim();
        if (UrlPattern.IsMatch(text))
        {
            return FromUrl(text);
        }

        string? host = null;
        string? port = null;
        string? accountName = null;
        string? endpointSuffix = null;
        // Split as the driver splits it: a quoted value (a password holding "a;Server=b") is one value.
        foreach (var pair in ConnectionStringSyntax.Pairs(text))
        {
            var key = pair.Key;
            var item = pair.Value.Trim();
            if (BackingServices.IsHostKey(key) && host is null)
            {
                host = item;
            }
            else if (key.Equals("port", StringComparison.OrdinalIgnoreCase))
            {
                port = item;
            }
            else if (key.Equals("accountname", StringComparison.OrdinalIgnoreCase))
            {
                accountName = item;
            }
            else if (key.Equals("endpointsuffix", StringComparison.OrdinalIgnoreCase))
            {
                endpointSuffix = item;
            }
        }

        // StackExchange.Redis: "host:port,password=...,ssl=true" (comma-separated options, first the endpoints).
        if (host is null && !text.Contains(';'))
        {
            var first = text.Split(',')[0].Trim();
            if (first.Length > 0 && !first.Contains('=') && !first.Contains(' '))
            {
                host = first;
            }
        }

        if (host is null && accountName is not null)
        {
            var storage = accountName + "." + (endpointSuffix ?? "core.windows.net");
            return new ServiceAddress(storage, storage);
        }

        if (host is not null && UrlPattern.IsMatch(host))
        {
            return FromUrl(host);
        }

        if (host is null || IsFileOrInMemory(host))
        {
            return null;
        }

        // "tcp:server,1433", "server\\instance", "host1:9092,host2:9092": the first host, as written.
        var shown = host.StartsWith("tcp:", StringComparison.OrdinalIgnoreCase) ? host.Substring(4) : host;
        var bare = shown.Split(',', '\\')[0].Trim();
        var colon = bare.LastIndexOf(':');
        if (colon > 0 && !bare.StartsWith("[", StringComparison.Ordinal) && bare.IndexOf(':') == colon)
        {
            bare = bare.Substring(0, colon);
        }

        if (port is not null && !shown.Contains(':') && !shown.Contains(','))
        {
            shown += ":" + port;
        }

        return new ServiceAddress(bare, shown);
    }

    private static bool IsFileOrInMemory(string host)
    {
        var value = host.ToLowerInvariant();
        return value == ":memory:" || value.StartsWith("|datadirectory|", StringComparison.Ordinal) || value.StartsWith("file:", StringComparison.Ordinal)
            || value.Contains('/') || value.EndsWith(".db", StringComparison.Ordinal) || value.EndsWith(".sqlite", StringComparison.Ordinal)
            || value.EndsWith(".sqlite3", StringComparison.Ordinal) || value.EndsWith(".mdf", StringComparison.Ordinal)
            || value.EndsWith(".sdf", StringComparison.Ordinal) || value.Contains("mode=memory");
    }
}
