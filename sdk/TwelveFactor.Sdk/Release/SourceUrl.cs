using TwelveFactor.Sdk.Knowledge;

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
        // scp-like syntax: [user@]host:path, where the user part ends at the last '@' before the path.
        if (!url.Contains("://", StringComparison.Ordinal) && !url.StartsWith('/') &&
            url[(url.LastIndexOf('@', Math.Max(0, url.IndexOf('/') is var slash and >= 0 ? slash : url.Length - 1)) + 1)..] is var hostAndPath &&
            hostAndPath.IndexOf(':') is var colon and > 0)
        {
            url = "https://" + hostAndPath[..colon] + "/" + hostAndPath[(colon + 1)..].TrimStart('/');
        }
        else if (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "ssh" or "git")
        {
            var scheme = uri.Scheme is "ssh" or "git" ? "https" : uri.Scheme;
            var port = uri.IsDefaultPort || uri.Scheme is "ssh" or "git" ? "" : ":" + uri.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
            url = scheme + "://" + uri.Host + port + uri.AbsolutePath;
        }
        else
        {
            // A URL the parser refuses (an '@' in the password, an invalid port) or of another scheme: whatever
            // stands before the last '@' of its authority is user info, and is dropped.
            url = ConnectionStringSyntax.WithoutUserInfo(url);
        }

        url = url.TrimEnd('/');
        return url.EndsWith(".git", StringComparison.OrdinalIgnoreCase) ? url[..^4] : url;
    }
}
