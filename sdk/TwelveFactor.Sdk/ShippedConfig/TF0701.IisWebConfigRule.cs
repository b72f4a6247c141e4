using TwelveFactor.Sdk.Catalog;
using TwelveFactor.Sdk.Policy;
using TwelveFactor.Sdk.Reading;

namespace TwelveFactor.Sdk.ShippedConfig;

/// <summary>
/// TF0701 in a shipped web.config: the ASP.NET Core Module (an aspNetCore element, or a handler loading
/// AspNetCoreModule/AspNetCoreModuleV2) makes IIS the server. A web.config without it is not about hosting
/// the app and is left alone.
/// </summary>
public static class IisWebConfigRule
{
    public static IEnumerable<Finding> Check(ShippedConfigFile file, ConfigXml xml)
    {
        if (!file.IsWebConfig)
        {
            yield break;
        }

        var module = xml.Elements("aspNetCore").FirstOrDefault();
        var handler = xml.Elements("add").FirstOrDefault(t => t.Attribute("modules").StartsWith("AspNetCoreModule", StringComparison.OrdinalIgnoreCase));
        var place = module ?? handler;
        if (place is null)
        {
            yield break;
        }

        var model = module?.Attribute("hostingModel") is { Length: > 0 } hostingModel ? hostingModel : "the default model";
        var what = handler is not null ? handler.Attribute("modules") : "aspNetCore";
        yield return Finding.At(RuleIds.IisHosting, place.LocationIn(file.Path), "web.config",
            "web.config", what + ", " + model);
    }
}
