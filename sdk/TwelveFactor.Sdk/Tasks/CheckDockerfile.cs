using Microsoft.Build.Framework;
using TwelveFactor.Sdk.Catalog;
using TwelveFactor.Sdk.Containers;
using TwelveFactor.Sdk.Policy;
using TwelveFactor.Sdk.Reading;

namespace TwelveFactor.Sdk.Tasks;

/// <summary>
/// Checks every Dockerfile that builds the service (TF0204, TF0505, TF0901, TF0303): the one the project names and
/// those <see cref="ServiceDockerfiles"/> picks from the candidates beside the project and above it; see
/// <see cref="DockerfileRule"/>.
/// </summary>
public sealed class CheckDockerfile : PolicyCheckTask
{
    /// <summary>The Dockerfile the project names (TwelveFactorDockerfile, or Visual Studio's DockerfileFile).</summary>
    public string? Dockerfile { get; set; }

    /// <summary>Dockerfile-named files beside the project and in the folders above it, inside the repository.</summary>
    public ITaskItem[] Candidates { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>The Dockerfiles that were checked: the assessment counts their rules as checked only when there are any.</summary>
    [Output]
    public string[] CheckedDockerfiles { get; private set; } = Array.Empty<string>();

    protected override IEnumerable<Finding> Check()
    {
        var findings = new List<Finding>();
        var texts = new Dictionary<string, string?>(StringComparer.Ordinal);
        string? Read(string file)
        {
            if (!texts.TryGetValue(file, out var text))
            {
                text = InputFile.ReadTextOrReport(file, findings);

                texts[file] = text;
            }

            return text;
        }

        // Outside a repository only the project's folder counts.
        var scope = Path.TrimEndingDirectorySeparator(Path.GetFullPath(RepositoryOrProjectFolder(RepositoryRoot, ProjectFile))) + Path.DirectorySeparatorChar;
        var candidates = Candidates.Select(c => c.GetMetadata("FullPath")).Where(c => c.StartsWith(scope, StringComparison.Ordinal));
        var named = string.IsNullOrWhiteSpace(Dockerfile) ? null : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(ProjectFile) ?? "", Dockerfile!));
        var dockerfiles = ServiceDockerfiles.Select(ProjectFile, named, candidates, Read);
        CheckedDockerfiles = dockerfiles.ToArray();
        foreach (var dockerfile in dockerfiles)
        {
            if (Read(dockerfile) is { } text)
            {
                findings.AddRange(DockerfileRule.Check(dockerfile, text));
            }
        }

        return findings;
    }
}
