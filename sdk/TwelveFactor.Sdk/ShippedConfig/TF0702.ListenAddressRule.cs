using TwelveFactor.Sdk.Catalog;
using TwelveFactor.Sdk.Knowledge;
using TwelveFactor.Sdk.Policy;
using TwelveFactor.Sdk.Reading;

namespace TwelveFactor.Sdk.ShippedConfig;

/// <summary>
/// TF0702: a listen address fixed in shipped config: "urls", "http_ports"/"https_ports" (read by the web host
/// from configuration) and Kestrel endpoint URLs. Local addresses in development-only files are left alone.
/// </summary>
public static class ListenAddressRule
{
    private static readonly string[] ListenSettings = { "urls", "http_ports", "https_ports", "Kestrel:Endpoints:*:Url" };

    public static bool IsListenSetting(ConfigEntry entry) => ListenSettings.Any(entry.PathMatches);

    public static IEnumerable<Finding> Check(ShippedConfigFile file, IEnumerable<ConfigEntry> entries)
    {
        foreach (var entry in entries.Where(IsListenSetting))
        {
            if (entry.Kind is ConfigValueKind.Null or ConfigValueKind.True or ConfigValueKind.False || Placeholders.ContainsPlaceholder(entry.Value))
            {
                continue;
            }

            var addresses = entry.Value.Split(new[] { ';', ',' }, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var allLocal = addresses.All(a => ServiceAddresses.FromUrl(a)?.IsLocal == true);
            if (addresses.Length == 0 || (file.IsDevelopmentOnly && allLocal))
            {
                continue;
            }

            yield return Finding.At(RuleIds.HardCodedListenAddress, entry.LocationIn(file.Path), entry.Path,
                "The setting '" + entry.Path + "'", entry.Value.Trim());
        }
    }
}
