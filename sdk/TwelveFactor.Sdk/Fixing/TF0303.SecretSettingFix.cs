using TwelveFactor.Sdk.Catalog;
using TwelveFactor.Sdk.Policy;
using TwelveFactor.Sdk.Reading;

namespace TwelveFactor.Sdk.Fixing;

/// <summary>
/// TF0303 in appsettings*.json: the secret setting's value is removed from the file (the key stays, empty, so
/// the file still says the setting exists), its environment variable (Section__Key) is declared in
/// .env.example and its value kept for local runs in the project's user secrets. The credential has been
/// committed, so the summary says to rotate it. Secrets in other files, or not the whole value of one setting
/// (a private key pasted into a file), need a person.
/// </summary>
public sealed class SecretSettingFix : IBuildFileFix
{
    public string RuleId => RuleIds.Secret;

    public FixPlan Plan(Finding finding, string text, FixContext context)
    {
        var name = Path.GetFileName(finding.File);
        if (!name.StartsWith("appsettings", StringComparison.OrdinalIgnoreCase) || !name.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            return FixPlan.NeedsPerson("only appsettings*.json settings are moved automatically: move this secret to the environment and rotate it");
        }

        // The secret rule's key: kind|key path.
        var bar = finding.FingerprintKey.IndexOf('|');
        var path = bar < 0 ? "" : finding.FingerprintKey.Substring(bar + 1);
        var json = ConfigJson.Parse(text);
        if (path.Length == 0 || json.Problem is not null || JsonText.StringSetting(json, path, finding.Line) is not { } setting ||
            JsonText.StringAt(text, setting.Line, setting.Column) is not { } token)
        {
            return FixPlan.NeedsPerson("the secret is not the value of one setting of a valid JSON file: move it to the environment and rotate it");
        }

        var moved = new MovedSetting(setting.Path, setting.Value);
        return new FixPlan(new TextEdit(token.Start + 1, token.Length - 2, ""),
            $"the value of '{setting.Path}' removed: set {moved.VariableName} where the service runs (declared in {LocalSecrets.EnvironmentExampleName}); " +
            "for local runs it is in the project's user secrets. Rotate the credential: it has been committed")
        {
            MovedSettings = new[] { moved },
        };
    }
}
