using TwelveFactor.Sdk.Catalog;
using TwelveFactor.Sdk.Policy;

namespace TwelveFactor.Sdk.Fixing;

/// <summary>
/// TF0701 in the project: AspNetCoreHostingModel InProcess becomes OutOfProcess (Kestrel serves, IIS at most
/// forwards), and IsTransformWebConfigDisabled false becomes true (publish generates no web.config). A shipped
/// web.config needs a person: whether IIS still fronts the app is a decision about where it runs.
/// </summary>
public sealed class HostingModelFix : IBuildFileFix
{
    private static readonly Dictionary<string, (string From, string To, string Summary)> Settings = new(StringComparer.Ordinal)
    {
        ["AspNetCoreHostingModel"] = ("InProcess", "OutOfProcess", "AspNetCoreHostingModel set to OutOfProcess: Kestrel serves the app on the port it binds"),
        ["IsTransformWebConfigDisabled"] = ("false", "true", "IsTransformWebConfigDisabled set to true: publish generates no web.config"),
    };

    public string RuleId => RuleIds.IisHosting;

    public FixPlan Plan(Finding finding, string text, FixContext context)
    {
        if (!Settings.TryGetValue(finding.FingerprintKey, out var setting))
        {
            return FixPlan.NeedsPerson("remove web.config, or keep IIS only as a reverse proxy in front of Kestrel where the service runs");
        }

        var element = XmlStartTag.At(text, finding.Line, finding.Column);
        return string.Equals(element?.TrimmedContent(), setting.From, StringComparison.OrdinalIgnoreCase) && element!.SetContent(setting.To) is { } edit
            ? new FixPlan(edit, setting.Summary)
            : FixPlan.NeedsPerson($"{finding.FingerprintKey} is not the literal {setting.From} here: set it to {setting.To} where it is decided");
    }
}
