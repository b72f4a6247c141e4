namespace TwelveFactor.Sdk.Reading;

/// <summary>
/// A container image reference as Docker and the .NET SDK write it: [registry/]repository[:tag][@digest].
/// </summary>
public sealed record ImageReference(string Registry, string Repository, string? Tag, string? Digest)
{
    public const string DockerHub = "docker.io";

    /// <summary>Pinned: the reference names content (a digest), not a tag that can move.</summary>
    public bool IsPinned => Digest is not null && Digest.Contains(':') && Digest.Length > Digest.IndexOf(':') + 1;

    /// <summary>registry/repository, as written in a reference.</summary>
    public string Name => Registry == DockerHub && !ExplicitRegistry ? Repository : Registry + "/" + Repository;

    private bool ExplicitRegistry { get; init; }

    /// <summary>How to write this reference pinned: name:tag@digest (the digest is a placeholder when unknown).</summary>
    public string PinnedForm(string? digest = null) =>
        Name + (Tag is null ? "" : ":" + Tag) + "@" + (digest ?? Digest ?? "sha256:<digest>");

    public static bool TryParse(string? text, out ImageReference reference)
    {
        reference = null!;
        var value = (text ?? "").Trim();
        if (value.Length == 0 || value.Any(char.IsWhiteSpace))
        {
            return false;
        }

        string? digest = null;
        var at = value.IndexOf('@');
        if (at >= 0)
        {
            digest = value[(at + 1)..];
            value = value[..at];
        }

        string? tag = null;
        var colon = value.LastIndexOf(':');
        if (colon > value.LastIndexOf('/'))
        {
            tag = value[(colon + 1)..];
            value = value[..colon];
        }

        if (value.Length == 0)
        {
            return false;
        }

        // Docker's rule: the first component is a registry when it looks like a host (a dot, a port, or localhost).
        var slash = value.IndexOf('/');
        var first = slash < 0 ? "" : value[..slash];
        var explicitRegistry = first.Contains('.') || first.Contains(':') || first == "localhost";
        var registry = explicitRegistry ? first : DockerHub;
        var repository = explicitRegistry ? value[(slash + 1)..] : value;
        reference = new ImageReference(registry, repository, tag is { Length: > 0 } ? tag : null, digest is { Length: > 0 } ? digest : null)
        {
            ExplicitRegistry = explicitRegistry,
        };
        return repository.Length > 0;
    }
}
