using TwelveFactor.Sdk.Catalog;
using TwelveFactor.Sdk.Policy;

namespace TwelveFactor.Sdk.Composition;

/// <summary>
/// TF0701 in project settings: a web project that asks for in-process IIS hosting (AspNetCoreHostingModel
/// InProcess) or turns web.config generation back on. Only what the user wrote is reported: the web SDK's own
/// InProcess default is inert, since the TwelveFactor SDK generates no web.config for a web process.
/// </summary>
public static class HostingModelRule
{
    public static IEnumerable<Finding> Check(ProjectSettings settings)
    {
        if (!settings.IsWeb)
        {
            yield break;
        }

        var hostingModel = settings.WrittenProperty("AspNetCoreHostingModel");
        if (hostingModel is not null && settings.AspNetCoreHostingModel.Trim().Equals("InProcess", StringComparison.OrdinalIgnoreCase))
        {
            yield return Finding.At(RuleIds.IisHosting, hostingModel.Location, "AspNetCoreHostingModel",
                "AspNetCoreHostingModel", "InProcess: IIS loads the app into its own worker process");
        }

        var transform = settings.WrittenProperty("IsTransformWebConfigDisabled");
        if (transform is not null && settings.IsTransformWebConfigDisabled.Trim().Equals("false", StringComparison.OrdinalIgnoreCase))
        {
            yield return Finding.At(RuleIds.IisHosting, transform.Location, "IsTransformWebConfigDisabled",
                "IsTransformWebConfigDisabled=false", "publish generates a web.config that loads the app through the ASP.NET Core Module");
        }
    }
}
