using TwelveFactor.Sdk.Reading;

namespace TwelveFactor.Sdk.Knowledge;

/// <summary>
/// Credentials that can only open a service on the developer's own machine: in a connection string or URL whose
/// host is loopback (localhost, 127.0.0.0/8, ::1, (localdb)), or beside a host setting with a loopback value
/// ("RabbitMq": { "Host": "localhost", "Password": "guest" }). They are local defaults that each deploy's
/// environment replaces, not secrets in source control; the same credential for any other host still is one.
/// </summary>
public sealed class LoopbackCredentials
{
    /// <summary>
    /// Setting names that hold the host their section's credentials are for, besides the connection-string host
    /// keys of <see cref="BackingServices.HostKeys"/> (Host, Server, Url, Endpoint...), which config sections use too.
    /// </summary>
    private static readonly HashSet<string> AddressSettings = new(StringComparer.OrdinalIgnoreCase)
    {
        "hostaddress", "servername", "connectionstring",
    };

    private readonly HashSet<string> _loopbackSections = new(StringComparer.OrdinalIgnoreCase);

    private LoopbackCredentials()
    {
    }

    /// <summary>The sections of a file whose host setting is a loopback address.</summary>
    public static LoopbackCredentials In(IEnumerable<ConfigEntry> values)
    {
        var credentials = new LoopbackCredentials();
        foreach (var value in values)
        {
            if ((BackingServices.IsHostKey(value.Key) || AddressSettings.Contains(value.Key)) && IsLoopbackAddress(value.Value))
            {
                credentials._loopbackSections.Add(SectionOf(value.Path));
            }
        }

        return credentials;
    }

    /// <summary>True when the connection string or URL names a loopback host.</summary>
    public static bool IsLoopbackAddress(string text)
    {
        var trimmed = text.Trim();
        var address = trimmed.Contains("://") ? ServiceAddresses.FromUrl(trimmed) : ServiceAddresses.FromConnectionString(trimmed);
        return address is { IsLoopback: true };
    }

    /// <summary>True when <paramref name="value"/>'s section names a loopback host as the one its credentials are for.</summary>
    public bool IsBesideLoopbackHost(ConfigEntry value) =>
        value.Path.Contains(':') ? _loopbackSections.Contains(SectionOf(value.Path)) : _loopbackSections.Contains("");

    private static string SectionOf(string keyPath)
    {
        var colon = keyPath.LastIndexOf(':');
        return colon < 0 ? "" : keyPath.Substring(0, colon);
    }
}
