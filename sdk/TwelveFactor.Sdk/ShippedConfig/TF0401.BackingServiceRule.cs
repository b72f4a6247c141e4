using System.Text.RegularExpressions;
using TwelveFactor.Sdk.Catalog;
using TwelveFactor.Sdk.Knowledge;
using TwelveFactor.Sdk.Policy;
using TwelveFactor.Sdk.Reading;

namespace TwelveFactor.Sdk.ShippedConfig;

/// <summary>
/// TF0401: a backing service's address written into shipped config: a connection string naming a server, a
/// URL with a database, cache or queue scheme, or an HTTP service address. Placeholders, documentation hosts
/// and loopback defaults (localhost, 127.0.0.0/8, ::1, (localdb)) are left alone.
/// </summary>
public static class BackingServiceRule
{
    // Setting names that hold a service's HTTP address (BaseUrl, ServiceUri, Endpoint, ApiUrl, Host...).
    private static readonly Regex ServiceAddressKey = new(
        @"(url|uri|endpoint|baseaddress|host|hostname|server)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);

    // HTTP addresses that are not a service this app calls: its own public pages, identity metadata, links.
    private static readonly Regex NotAServiceKey = new(
        @"redirect|callback|return|origin|public|logo|image|icon|docs|swagger|terms|privacy|authority|issuer|audience|metadata|homepage|website|support",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);

    public static IEnumerable<Finding> Check(ShippedConfigFile file, IEnumerable<ConfigEntry> entries)
    {
        foreach (var entry in entries.Where(e => e.Kind == ConfigValueKind.String))
        {
            if (ListenAddressRule.IsListenSetting(entry))
            {
                continue;
            }

            var address = AddressOf(entry);
            // A loopback address is a development default that each deploy's environment overrides: it names no
            // backing service a release could be tied to, in a development-only file or a shipped one.
            if (address is null || !address.IsFixed || address.IsLocal)
            {
                continue;
            }

            yield return Finding.At(RuleIds.HardCodedBackingService, entry.LocationIn(file.Path), entry.Path,
                "The setting '" + entry.Path + "'", address.Shown);
        }
    }

    private static ServiceAddress? AddressOf(ConfigEntry entry)
    {
        var isConnectionString = entry.PathMatches("ConnectionStrings:*") ||
            entry.Key.EndsWith("ConnectionString", StringComparison.OrdinalIgnoreCase);
        if (isConnectionString)
        {
            return ServiceAddresses.FromConnectionString(entry.Value);
        }

        if (ServiceAddresses.IsBackingServiceUrl(entry.Value))
        {
            return ServiceAddresses.FromUrl(entry.Value);
        }

        if (ServiceAddresses.IsHttpUrl(entry.Value) && ServiceAddressKey.IsMatch(entry.Key) && !NotAServiceKey.IsMatch(entry.Path))
        {
            return ServiceAddresses.FromUrl(entry.Value);
        }

        return null;
    }
}
