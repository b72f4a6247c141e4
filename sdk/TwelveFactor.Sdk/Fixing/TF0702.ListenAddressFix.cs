using TwelveFactor.Sdk.Catalog;
using TwelveFactor.Sdk.Policy;
using TwelveFactor.Sdk.Reading;

namespace TwelveFactor.Sdk.Fixing;

/// <summary>
/// TF0702 in shipped JSON config: a "urls", "http_ports" or "https_ports" setting is removed, line and all, so
/// the host binds what the environment gives it (ASPNETCORE_HTTP_PORTS, PORT). A Kestrel endpoint's Url needs a
/// person (Kestrel refuses an endpoint without one), as do other formats and settings sharing a line.
/// </summary>
public sealed class ListenAddressFix : IBuildFileFix
{
    private static readonly string[] RemovableSettings = { "urls", "http_ports", "https_ports" };

    public string RuleId => RuleIds.HardCodedListenAddress;

    public FixPlan Plan(Finding finding, string text, FixContext context)
    {
        var path = finding.FingerprintKey;
        if (!finding.File.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || !RemovableSettings.Contains(path, StringComparer.OrdinalIgnoreCase))
        {
            return FixPlan.NeedsPerson("remove the fixed address, and bind the port the environment gives (ASPNETCORE_HTTP_PORTS or PORT)");
        }

        var json = ConfigJson.Parse(text);
        var setting = json.Problem is null ? JsonText.StringSetting(json, path, finding.Line) : null;
        return setting is not null && JsonText.RemoveSettingLine(text, setting) is { } edit
            ? new FixPlan(edit, $"'{setting.Path}' ({setting.Value.Trim()}) removed: the host binds the port the environment gives (ASPNETCORE_HTTP_PORTS, PORT)")
            : FixPlan.NeedsPerson($"'{path}' does not stand on a line of its own: remove it by hand");
    }
}
