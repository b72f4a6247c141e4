using System.Text.RegularExpressions;
using TwelveFactor.Sdk.Reading;

namespace TwelveFactor.Sdk.Containers;

/// <summary>
/// The Dockerfiles that build a service: the one the project names (Visual Studio's DockerfileFile, or
/// TwelveFactorDockerfile), every Dockerfile-named file beside the project (Dockerfile, Dockerfile.*, *.Dockerfile,
/// Containerfile...), and one in a folder above it that builds this project (its `dotnet publish` or
/// `dotnet build` names the project file). A Dockerfile above the project that names another project is that
/// project's, so a Dockerfile shared by a solution's services is checked by the one it publishes.
/// </summary>
public static class ServiceDockerfiles
{
    private static readonly Regex DotnetBuildCommand = new(
        @"\bdotnet\s+(publish|build)\b(?<arguments>[^&|;]*)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);

    /// <summary>Dockerfile, Containerfile, Dockerfile.prod, Dockerfile-api, Dockerfile_Migrator, api.Dockerfile.</summary>
    public static bool IsDockerfileName(string fileName)
    {
        foreach (var stem in new[] { "Dockerfile", "Containerfile" })
        {
            if (fileName.Equals(stem, StringComparison.OrdinalIgnoreCase) ||
                fileName.EndsWith("." + stem, StringComparison.OrdinalIgnoreCase) ||
                (fileName.StartsWith(stem, StringComparison.OrdinalIgnoreCase) && fileName.Length > stem.Length &&
                 fileName[stem.Length] is '.' or '-' or '_' && !fileName.EndsWith(".md", StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Of the candidate files (beside the project and in the folders above it), those that build the project,
    /// with the named one first; each once.
    /// </summary>
    public static IReadOnlyList<string> Select(string projectFile, string? namedDockerfile, IEnumerable<string> candidates, Func<string, string?> read)
    {
        var projectDirectory = Path.GetDirectoryName(Path.GetFullPath(projectFile)) ?? "";
        var selected = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        if (!string.IsNullOrWhiteSpace(namedDockerfile) && File.Exists(namedDockerfile))
        {
            var named = Path.GetFullPath(namedDockerfile);
            seen.Add(named);
            selected.Add(named);
        }

        foreach (var candidate in candidates.Select(Path.GetFullPath).OrderBy(c => c, StringComparer.Ordinal))
        {
            if (!seen.Add(candidate) || !IsDockerfileName(Path.GetFileName(candidate)))
            {
                continue;
            }

            var isBeside = string.Equals(Path.GetDirectoryName(candidate), projectDirectory, StringComparison.Ordinal);
            if (isBeside || (read(candidate) is { } text && Builds(text, projectFile)))
            {
                selected.Add(candidate);
            }
        }

        return selected;
    }

    /// <summary>True when a `dotnet publish` or `dotnet build` in the Dockerfile names the project's file.</summary>
    public static bool Builds(string dockerfileText, string projectFile)
    {
        var projectName = Path.GetFileName(projectFile);
        foreach (var instruction in Dockerfile.Parse(dockerfileText).Where(i => i.Keyword == "RUN"))
        {
            foreach (Match command in DotnetBuildCommand.Matches(instruction.Arguments))
            {
                var named = Dockerfile.Words(command.Groups["arguments"].Value)
                    .Select(w => w.Replace('\\', '/').TrimEnd('/'))
                    .Any(w => w.Equals(projectName, StringComparison.OrdinalIgnoreCase) ||
                              w.EndsWith("/" + projectName, StringComparison.OrdinalIgnoreCase));
                if (named)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
