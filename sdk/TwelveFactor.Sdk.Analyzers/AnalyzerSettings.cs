using Microsoft.CodeAnalysis.Diagnostics;
using TwelveFactor.Sdk.Knowledge;

namespace TwelveFactor.Sdk.Analyzers;

/// <summary>
/// What the SDK's targets tell the analyzer through CompilerVisibleProperty (build_property.*): the process type,
/// the project directory (fingerprints are relative to it) and the baseline file.
/// </summary>
internal sealed class AnalyzerSettings
{
    public const string ProcessTypeProperty = "build_property.TwelveFactorProcessType";
    public const string ProjectDirectoryProperty = "build_property.MSBuildProjectDirectory";
    public const string BaselineFileProperty = "build_property.TwelveFactorBaselineFile";
    public const string DefaultBaselineFileName = "TwelveFactor.baseline.json";

    public AnalyzerSettings(string processType, string projectDirectory, string baselineFile)
    {
        ProcessType = processType.Trim().ToLowerInvariant();
        ProjectDirectory = projectDirectory;
        BaselineFile = baselineFile;
    }

    /// <summary>web, worker, admin, or empty for a library or an unknown type.</summary>
    public string ProcessType { get; }

    public string ProjectDirectory { get; }

    public string BaselineFile { get; }

    public bool IsWeb => ProcessType == ProcessTypes.Web;

    /// <summary>A long-running process: the kind that must not run admin tasks as a side effect of starting.</summary>
    public bool IsLongRunning => ProcessType == ProcessTypes.Web || ProcessType == ProcessTypes.Worker;

    public static AnalyzerSettings From(AnalyzerConfigOptionsProvider provider)
    {
        string Read(string name) => provider.GlobalOptions.TryGetValue(name, out var value) ? value ?? "" : "";
        return new AnalyzerSettings(Read(ProcessTypeProperty), Read(ProjectDirectoryProperty), Read(BaselineFileProperty));
    }
}
