using TwelveFactor.Sdk.Catalog;
using TwelveFactor.Sdk.Knowledge;
using TwelveFactor.Sdk.Policy;
using TwelveFactor.Sdk.Reading;

namespace TwelveFactor.Sdk.Dependencies;

/// <summary>A Reference the project declares with a HintPath.</summary>
public sealed record DeclaredReference(string Name, string HintPath, string DefiningFile);

/// <summary>TF0203: a Reference whose HintPath is outside the repository or in a system folder.</summary>
public static class SystemReferenceRule
{
    /// <param name="projectFiles">
    /// The files a Reference may be written in (the project and its Directory.Build files): the SDK's conflict
    /// resolution re-declares Reference items, so their DefiningProjectFullPath may name an SDK file instead.
    /// </param>
    public static IEnumerable<Finding> Check(IEnumerable<DeclaredReference> references, string? repositoryRoot, string projectFile, IReadOnlyList<string> projectFiles)
    {
        foreach (var reference in references)
        {
            if (string.IsNullOrWhiteSpace(reference.HintPath))
            {
                continue;
            }

            // MSBuild resolves a relative HintPath against the project's directory, wherever it was written.
            var fullPath = Resolve(reference.HintPath, Path.GetDirectoryName(projectFile) ?? "");
            var problem = Classify(fullPath, repositoryRoot);
            if (problem is null)
            {
                continue;
            }

            var element = new[] { reference.DefiningFile }.Concat(projectFiles)
                .Select(file => ProjectXml.FindItem(file, "Reference", reference.Name))
                .FirstOrDefault(found => found is not null);
            var location = element?.Location ?? SourceLocation.WholeFile(projectFile);
            yield return Finding.At(RuleIds.SystemReference, location, reference.Name + "|" + reference.HintPath.Replace('\\', '/'),
                reference.Name, reference.HintPath, problem);
        }
    }

    /// <summary>Why the path is not a declared, isolated dependency, or null when it is fine.</summary>
    public static string? Classify(string fullPath, string? repositoryRoot)
    {
        var normalized = "/" + fullPath.Replace('\\', '/').TrimStart('/').ToLowerInvariant();
        // Drop a Windows drive letter so that C:/Windows/assembly reads /windows/assembly.
        if (normalized.Length > 3 && normalized[2] == ':')
        {
            normalized = normalized.Substring(3);
        }

        if (SystemFolders.Contain(normalized))
        {
            return "a system folder (the GAC or a machine-wide library folder)";
        }

        if (repositoryRoot is not null && !PathDisplay.IsUnder(fullPath, repositoryRoot))
        {
            return "outside the repository";
        }

        return null;
    }

    private static string Resolve(string hintPath, string baseDirectory)
    {
        var path = hintPath.Trim();
        var looksWindowsRooted = path.Length > 2 && path[1] == ':' && (path[2] == '\\' || path[2] == '/');
        if (looksWindowsRooted || Path.IsPathRooted(path))
        {
            return looksWindowsRooted ? path : Path.GetFullPath(path);
        }

        return Path.GetFullPath(Path.Combine(baseDirectory, path.Replace('\\', Path.DirectorySeparatorChar)));
    }
}
