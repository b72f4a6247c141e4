using System.Globalization;
using System.Text.Json;

namespace TwelveFactor.Sdk.Knowledge;

/// <summary>
/// The ports an ASP.NET Core app binds inside its container, in Kestrel's order of precedence: endpoints in
/// configuration (Kestrel:Endpoints), then urls, then HTTP_PORTS/HTTPS_PORTS, then Kestrel's default 5000.
/// Configuration comes from appsettings.json and the image's environment (ASPNETCORE_ and DOTNET_ prefixes,
/// double underscores for sections).
/// </summary>
public static class AppPorts
{
    public const int KestrelDefault = 5000;

    public static IReadOnlySet<int> Bound(IReadOnlyDictionary<string, string> environment, string? appSettingsJson)
    {
        var settings = Flatten(appSettingsJson);
        foreach (var (name, value) in environment)
        {
            var key = name.StartsWith("ASPNETCORE_", StringComparison.OrdinalIgnoreCase) ? name["ASPNETCORE_".Length..]
                : name.StartsWith("DOTNET_", StringComparison.OrdinalIgnoreCase) ? name["DOTNET_".Length..]
                : name;
            settings[key.Replace("__", ":")] = value;
        }

        var endpoints = settings.Where(s => s.Key.StartsWith("Kestrel:Endpoints:", StringComparison.OrdinalIgnoreCase) &&
                                            s.Key.EndsWith(":Url", StringComparison.OrdinalIgnoreCase))
            .Select(s => s.Value).ToList();
        if (endpoints.Count > 0)
        {
            return UrlPorts(endpoints);
        }

        if (settings.TryGetValue("urls", out var urls) && urls.Trim().Length > 0)
        {
            return UrlPorts(urls.Split(';'));
        }

        var ports = new HashSet<int>();
        foreach (var key in new[] { "HTTP_PORTS", "HTTPS_PORTS" })
        {
            if (settings.TryGetValue(key, out var list))
            {
                foreach (var part in list.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    if (int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var port))
                    {
                        ports.Add(port);
                    }
                }
            }
        }

        return ports.Count > 0 ? ports : new HashSet<int> { KestrelDefault };
    }

    private static HashSet<int> UrlPorts(IEnumerable<string> urls)
    {
        var ports = new HashSet<int>();
        foreach (var raw in urls.Select(u => u.Trim()).Where(u => u.Length > 0))
        {
            // Kestrel's wildcard hosts (+, *) are not valid URI hosts; the port is all that matters here.
            var url = raw.Replace("://+", "://localhost").Replace("://*", "://localhost").Replace("://[::]", "://localhost");
            if (Uri.TryCreate(url, UriKind.Absolute, out var uri))
            {
                ports.Add(uri.Port);
            }
        }

        return ports;
    }

    private static Dictionary<string, string> Flatten(string? json)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (string.IsNullOrWhiteSpace(json))
        {
            return result;
        }

        try
        {
            using var document = JsonDocument.Parse(json!, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            Walk(document.RootElement, "", result);
        }
        catch (JsonException)
        {
            // A malformed appsettings.json is the config checks' finding; here it just binds nothing.
        }

        return result;
    }

    private static void Walk(JsonElement element, string prefix, Dictionary<string, string> result)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Walk(property.Value, prefix.Length == 0 ? property.Name : prefix + ":" + property.Name, result);
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Walk(item, prefix + ":" + index++.ToString(CultureInfo.InvariantCulture), result);
                }

                break;
            default:
                result[prefix] = element.ValueKind == JsonValueKind.String ? element.GetString() ?? "" : element.ToString();
                break;
        }
    }
}
