namespace TwelveFactor.Sdk.Release;

/// <summary>
/// The repository URL as the org.opencontainers.image.source label wants it: browsable https, no .git suffix,
/// and never the credentials a remote URL may carry (https://user:token@host/...).
/// </summary>
public static class SourceUrl
{
    public static string Normalize(string? remote)
    {
        var url = (remote ?? "").Trim();
        if (url.Length == 0)
        {
            return "";
        }

        // scp-like syntax: git@github.com:owner/repo.git
        if (!url.Contains("://", StringComparison.Ordinal) && url.IndexOf(':') is var colon and > 0 && !url.StartsWith('/'))
        {
            var host = url[..colon];
            host = host[(host.LastIndexOf('@') + 1)..];
            url = "https://" + host + "/" + url[(colon + 1)..].TrimStart('/');
        }
        else if (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "ssh" or "git")
        {
            var scheme = uri.Scheme is "ssh" or "git" ? "https" : uri.Scheme;
            var port = uri.IsDefaultPort || uri.Scheme is "ssh" or "git" ? "" : ":" + uri.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
            url = scheme + "://" + uri.Host + port + uri.AbsolutePath;
        }

        url = url.TrimEnd('/');
        return url.EndsWith(".git", StringComparison.OrdinalIgnoreCase) ? url[..^4] : url;
    }
}
