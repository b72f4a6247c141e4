using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace TwelveFactor.Sdk.Reading;

public enum TagState
{
    Absent,
    Exists,

    /// <summary>The registry could not say (unreachable, needs credentials): the push decides.</summary>
    Unknown,
}

public sealed record TagLookup(TagState State, string Detail)
{
    /// <summary>The digest the registry serves for the tag (its Docker-Content-Digest), when it exists and says so.</summary>
    public string? Digest { get; init; }
}

/// <summary>
/// Asks a registry whether a tag exists (HEAD /v2/&lt;repository&gt;/manifests/&lt;tag&gt;, OCI distribution spec),
/// talking plain HTTP (then HTTPS without certificate checks) to the registries the .NET SDK treats as insecure: names starting with localhost, and
/// those listed (semicolon-separated) in DOTNET_CONTAINER_INSECURE_REGISTRIES. Anonymous bearer tokens are
/// fetched when the registry asks for one; registries that need credentials answer Unknown.
/// </summary>
public sealed class RegistryTags
{
    public const string InsecureRegistriesVariable = "DOTNET_CONTAINER_INSECURE_REGISTRIES";

    private static readonly string[] ManifestMediaTypes =
    {
        "application/vnd.oci.image.manifest.v1+json",
        "application/vnd.oci.image.index.v1+json",
        "application/vnd.docker.distribution.manifest.v2+json",
        "application/vnd.docker.distribution.manifest.list.v2+json",
    };

    private readonly Func<HttpMessageHandler> _handlerFactory;
    private readonly TimeSpan _timeout;

    public RegistryTags(Func<HttpMessageHandler>? handlerFactory = null, TimeSpan? timeout = null)
    {
        _handlerFactory = handlerFactory ?? (() => new HttpClientHandler
        {
            // Insecure registries may present any certificate, as the SDK accepts for them.
            ServerCertificateCustomValidationCallback = (_, _, _, _) => true,
        });
        _timeout = timeout ?? TimeSpan.FromSeconds(15);
    }

    public static bool IsInsecure(string registry, string? insecureList)
    {
        if (registry.StartsWith("localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return (insecureList ?? "")
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Any(name => name.Equals(registry, StringComparison.OrdinalIgnoreCase));
    }

    public TagLookup Lookup(string registry, string repository, string tag, bool insecure)
    {
        using var client = new HttpClient(_handlerFactory()) { Timeout = _timeout };
        // An insecure registry is most often plain HTTP: asking it that way first saves a failed TLS handshake.
        var schemes = insecure ? new[] { "http", "https" } : new[] { "https" };
        string detail = "";
        foreach (var scheme in schemes)
        {
            try
            {
                return LookupAsync(client, new Uri($"{scheme}://{registry}/v2/{repository}/manifests/{Uri.EscapeDataString(tag)}")).GetAwaiter().GetResult();
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
            {
                detail = $"{scheme}://{registry}: {ex.Message}";
            }
        }

        return new TagLookup(TagState.Unknown, detail);
    }

    private static async Task<TagLookup> LookupAsync(HttpClient client, Uri uri)
    {
        using var response = await SendAsync(client, uri, null).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.Unauthorized && await AnonymousTokenAsync(client, response).ConfigureAwait(false) is { } token)
        {
            using var authorized = await SendAsync(client, uri, token).ConfigureAwait(false);
            return Classify(authorized, uri);
        }

        return Classify(response, uri);
    }

    private static TagLookup Classify(HttpResponseMessage response, Uri uri) => response.StatusCode switch
    {
        HttpStatusCode.OK => new TagLookup(TagState.Exists, uri.ToString())
        {
            Digest = response.Headers.TryGetValues("Docker-Content-Digest", out var digests) ? digests.FirstOrDefault() : null,
        },
        HttpStatusCode.NotFound => new TagLookup(TagState.Absent, uri.ToString()),
        var status => new TagLookup(TagState.Unknown, $"{uri} answered {(int)status} {status}"),
    };

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, Uri uri, string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Head, uri);
        foreach (var type in ManifestMediaTypes)
        {
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(type));
        }

        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client.SendAsync(request);
    }

    /// <summary>Bearer realm="...",service="...",scope="..." without credentials: public repositories grant pull.</summary>
    private static async Task<string?> AnonymousTokenAsync(HttpClient client, HttpResponseMessage challenge)
    {
        var header = challenge.Headers.WwwAuthenticate.FirstOrDefault(h => h.Scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase));
        if (header?.Parameter is null)
        {
            return null;
        }

        var parameters = Regex.Matches(header.Parameter, "(\\w+)=\"([^\"]*)\"")
            .ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value, StringComparer.OrdinalIgnoreCase);
        if (!parameters.TryGetValue("realm", out var realm) || !Uri.TryCreate(realm, UriKind.Absolute, out _))
        {
            return null;
        }

        var query = string.Join("&", parameters.Where(p => p.Key is "service" or "scope").Select(p => p.Key + "=" + Uri.EscapeDataString(p.Value)));
        using var response = await client.GetAsync(realm + (query.Length > 0 ? (realm.Contains('?') ? "&" : "?") + query : "")).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            return null;
        }

        using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync().ConfigureAwait(false));
        foreach (var name in new[] { "token", "access_token" })
        {
            if (json.RootElement.TryGetProperty(name, out var value) && value.GetString() is { Length: > 0 } token)
            {
                return token;
            }
        }

        return null;
    }
}
