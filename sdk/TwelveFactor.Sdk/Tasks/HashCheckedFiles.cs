using Microsoft.Build.Framework;
using TwelveFactor.Sdk.Reading;

namespace TwelveFactor.Sdk.Tasks;

/// <summary>
/// TwelveFactorCheckContentHash=true: a keyed digest of the files the checks read, written into the settings cache
/// that every check takes as an input, so that a file whose content changed re-runs the checks even when its
/// timestamp did not move forward. Files outside the repository (the SDKs' own targets) are left to their
/// timestamps. Opt-in, since it reads every checked file on every build: the cost is in docs/benchmarks.md.
/// </summary>
public sealed class HashCheckedFiles : TwelveFactorTask
{
    [Required]
    public ITaskItem[] Files { get; set; } = Array.Empty<ITaskItem>();

    [Required]
    public string ProjectFile { get; set; } = "";

    /// <summary>$(TwelveFactorRepositoryRoot), resolved once in the targets; empty outside a repository (the project's folder then).</summary>
    public string? RepositoryRoot { get; set; }

    /// <summary>Where the digest's key is kept: the user's profile, never the project's folders.</summary>
    public string? KeyFile { get; set; }

    [Output]
    public string Digest { get; set; } = "";

    protected override void ExecuteCore()
    {
        var root = Path.GetFullPath(RepositoryOrProjectFolder(RepositoryRoot, ProjectFile));
        var prefix = root.EndsWith(Path.DirectorySeparatorChar) ? root : root + Path.DirectorySeparatorChar;
        var files = Files.Select(f => f.GetMetadata("FullPath"))
            .Where(f => f.Length > 0 && f.StartsWith(prefix, StringComparison.Ordinal));
        var keyFile = string.IsNullOrEmpty(KeyFile)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "TwelveFactor", "content-digest.key")
            : KeyFile!;
        Digest = CheckedFilesDigest.Of(files, CheckedFilesDigest.KeyFrom(keyFile));
    }
}
