using Microsoft.Build.Framework;
using TwelveFactor.Sdk.Catalog;
using TwelveFactor.Sdk.Policy;

namespace TwelveFactor.Sdk.Tasks;

/// <summary>
/// Base of every check: it collects findings and writes them to its findings file in obj/, and reports
/// nothing itself. The report task reads every findings file, so a check's target can be skipped when its
/// inputs have not changed without its findings disappearing from the build.
/// </summary>
public abstract class PolicyCheckTask : TwelveFactorTask
{
    /// <summary>Where this check's findings go (obj/.../twelvefactor/NAME.findings.json).</summary>
    [Required]
    public string FindingsFile { get; set; } = "";

    /// <summary>The project file: the location of findings about the project as a whole.</summary>
    [Required]
    public string ProjectFile { get; set; } = "";

    /// <summary>$(TwelveFactorRepositoryRoot), resolved once in the targets; empty outside a repository.</summary>
    public string? RepositoryRoot { get; set; }

    /// <summary>The repository's root; null outside a repository, where "inside the repository?" has no answer.</summary>
    protected string? RepositoryRootOrNull => string.IsNullOrEmpty(RepositoryRoot) ? null : RepositoryRoot;

    protected sealed override void ExecuteCore()
    {
        List<Finding> findings;
        try
        {
            findings = Check().ToList();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A broken check is reported like a finding, so it reaches the SARIF log too.
            findings = new List<Finding> { Finding.InProject(RuleIds.InternalError, ProjectFile, GetType().Name, GetType().Name, Describe(ex)) };
        }

        try
        {
            global::TwelveFactor.Sdk.Policy.FindingsFile.Write(FindingsFile, findings);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            LogDiagnostic(RuleIds.ReportNotWritten, SourceLocation.WholeFile(ProjectFile), FindingsFile, ex.Message);
        }
    }

    protected abstract IEnumerable<Finding> Check();

    protected static string Metadata(ITaskItem item, string name) => item.GetMetadata(name) ?? "";

    /// <summary>Items the SDK adds itself (implicit framework packages, NuGet-resolved references) are not the project's declarations.</summary>
    protected static bool IsUserDefined(ITaskItem item) =>
        !Metadata(item, "IsImplicitlyDefined").Equals("true", StringComparison.OrdinalIgnoreCase) &&
        Metadata(item, "NuGetPackageId").Length == 0 &&
        !Metadata(item, "ExternallyResolved").Equals("true", StringComparison.OrdinalIgnoreCase);
}
