namespace TwelveFactor.Sdk.ContainerTests;

/// <summary>The tools the end-to-end tests stand on (eng/ci/containers.sh installs them).</summary>
public static class ContainerTools
{
    private static readonly string[] Required = { "docker-registry", "skopeo", "umoci", "runc", "git", "curl", "apt-get", "dpkg-deb" };

    /// <summary>Why the tests cannot run here, or null when they can.</summary>
    public static string? MissingReason { get; } = FindMissing();

    public static bool IsRoot => Environment.UserName == "root";

    private static string? FindMissing()
    {
        var path = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Concat(new[] { "/usr/sbin", "/sbin" });
        var missing = Required.Where(tool => !path.Any(dir => File.Exists(Path.Combine(dir, tool)))).ToList();
        return missing.Count == 0 ? null : "not installed: " + string.Join(", ", missing) + " (run eng/ci/containers.sh)";
    }
}

/// <summary>A test that needs the container tools: skipped, with the reason, only when they are truly missing.</summary>
public sealed class ContainerFactAttribute : FactAttribute
{
    public ContainerFactAttribute()
    {
        if (ContainerTools.MissingReason is { } reason)
        {
            Skip = reason;
        }
    }
}
