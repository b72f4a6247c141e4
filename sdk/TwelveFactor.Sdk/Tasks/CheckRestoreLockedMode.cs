using TwelveFactor.Sdk.Catalog;
using TwelveFactor.Sdk.Policy;
using TwelveFactor.Sdk.Reading;

namespace TwelveFactor.Sdk.Tasks;

/// <summary>
/// TF0201 in a CI build whose project switches NuGet's locked mode off (RestoreLockedMode=false): restore would
/// rewrite packages.lock.json to whatever resolves today and the build would stay green. Reported at the property,
/// before NuGet writes anything; the targets run this only when CI is not locked, so a locked build loads nothing.
/// </summary>
public sealed class CheckRestoreLockedMode : PolicyTask
{
    public string ProjectFile { get; set; } = "";

    public string LockFilePath { get; set; } = "";

    protected override void ExecuteCore()
    {
        var location = ProjectXml.FindProperty(ProjectFile, "RestoreLockedMode")?.Location ?? SourceLocation.WholeFile(ProjectFile);
        LogDiagnostic(RuleIds.LockFile, location,
            $"RestoreLockedMode is false in a CI build, so restore may rewrite '{PathDisplay.Relative(Path.GetDirectoryName(ProjectFile) ?? "", LockFilePath)}' instead of restoring the committed versions; remove the setting (CI restores in locked mode)");
    }
}
