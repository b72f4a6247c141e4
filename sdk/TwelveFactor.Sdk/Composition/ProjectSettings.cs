namespace TwelveFactor.Sdk.Composition;

/// <summary>The evaluated properties the project-level rules read, with the files a user may have set them in.</summary>
public sealed record ProjectSettings(
    string ProjectFile,
    IReadOnlyList<string> SettingFiles,
    string OutputType,
    bool IsService,
    bool IsTestProject,
    string StatedProcessType,
    string FlavourProcessType,
    string AspNetCoreHostingModel,
    string IsTransformWebConfigDisabled)
{
    /// <summary>The property's last definition in the project's own files, where the user wrote it.</summary>
    public Reading.XmlElementLocation? WrittenProperty(string name) =>
        SettingFiles.Select(file => Reading.ProjectXml.FindProperty(file, name)).LastOrDefault(found => found is not null);

    /// <summary>The process type the project states, or else the one its .NET SDK flavour implies.</summary>
    public string ProcessType => StatedProcessType.Length > 0 ? StatedProcessType : FlavourProcessType;

    public bool IsWeb => ProcessType == Knowledge.ProcessTypes.Web;
}
