using TwelveFactor.Sdk.Catalog;
using TwelveFactor.Sdk.Policy;
using TwelveFactor.Sdk.Reading;

namespace TwelveFactor.Sdk.Composition;

/// <summary>A ProjectReference as the project declares it, with the file that declares it.</summary>
public sealed record DeclaredProjectReference(string Include, string DefiningFile);

/// <summary>TF0101: a ProjectReference to a project outside the repository: code shared by path, not by package.</summary>
public static class ProjectReferenceRule
{
    /// <param name="repositoryRoot">The repository's root; null outside a repository, where nothing can be told.</param>
    public static IEnumerable<Finding> Check(IEnumerable<DeclaredProjectReference> references, string? repositoryRoot, string projectFile)
    {
        if (string.IsNullOrEmpty(repositoryRoot))
        {
            yield break;
        }

        foreach (var reference in references)
        {
            // MSBuild resolves an item's path against the project being built, wherever the item is declared (a
            // Directory.Build.targets two folders up included); the declaring file only says where to point.
            var definingFile = string.IsNullOrEmpty(reference.DefiningFile) ? projectFile : reference.DefiningFile;
            var relative = reference.Include.Replace('\\', Path.DirectorySeparatorChar);
            var fullPath = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(projectFile)) ?? "", relative));
            if (PathDisplay.IsUnder(fullPath, repositoryRoot!))
            {
                continue;
            }

            var location = ProjectXml.FindItem(definingFile, "ProjectReference", reference.Include)?.Location ?? SourceLocation.WholeFile(definingFile);
            yield return Finding.At(RuleIds.ProjectReferenceOutsideRepository, location, reference.Include.Replace('\\', '/'),
                reference.Include, repositoryRoot!);
        }
    }
}
