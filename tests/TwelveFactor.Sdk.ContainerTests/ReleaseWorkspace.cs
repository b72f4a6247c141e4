using System.Text.Json;

namespace TwelveFactor.Sdk.ContainerTests;

/// <summary>A service in a committed git checkout, published as a container image with the packed SDK.</summary>
public sealed class ReleaseWorkspace : IDisposable
{
    public const string Project = "Shop";

    private readonly RegistryFixture _registry;

    private ReleaseWorkspace(Workspace workspace, RegistryFixture registry)
    {
        Workspace = workspace;
        _registry = registry;
    }

    public Workspace Workspace { get; }

    public string Commit => Workspace.Git("rev-parse", "HEAD").Output.Trim();

    public long CommitTime => long.Parse(Workspace.Git("show", "-s", "--format=%ct", "HEAD").Output.Trim());

    /// <summary>Writes the project, restores it (writing its lock file) and commits everything, bin and obj ignored.</summary>
    public static ReleaseWorkspace Create(string name, RegistryFixture registry, string processType = "web", string properties = "", string body = "", bool commit = true)
    {
        var workspace = Workspace.Create(name, gitRepository: commit);
        workspace.WriteFile(".gitignore", "bin/\nobj/\n");
        workspace.WriteProject(Project, processType, body, properties: properties);
        var restore = workspace.Dotnet(Project, "restore", "-nologo");
        Assert.True(restore.Succeeded, restore.ToString());
        if (commit)
        {
            workspace.Git("remote", "add", "origin", "https://ci:t0ken@example.invalid/acme/shop.git");
            workspace.Git("add", "-A");
            workspace.Git("commit", "-q", "-m", "release");
        }

        return new ReleaseWorkspace(workspace, registry);
    }

    /// <summary>dotnet publish -t:PublishContainer onto the local base image (pinned unless the project sets its own).</summary>
    public BuildResult Publish(params string[] arguments) => Publish(null, arguments);

    public BuildResult Publish(IReadOnlyDictionary<string, string?>? environment, params string[] arguments)
    {
        var env = _registry.Environment;
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            env[key] = value;
        }

        var baseImage = Workspace.ReadFile($"{Project}/{Project}.csproj").Contains("<ContainerBaseImage>")
            ? Array.Empty<string>()
            : new[] { "-p:ContainerBaseImage=" + _registry.BaseImage };
        return Workspace.Dotnet(Project, env, new[] { "publish", "-t:PublishContainer", "-nologo", "-tl:off", "-clp:NoSummary;ForceNoAlign" }
            .Concat(baseImage).Concat(arguments).ToArray());
    }

    public BuildResult PublishToRegistry(string repository, params string[] arguments) =>
        Publish(new[] { "-p:ContainerRegistry=" + _registry.Address, "-p:ContainerRepository=" + repository }.Concat(arguments).ToArray());

    public string PublishToTarball(out BuildResult result, IReadOnlyDictionary<string, string?>? environment = null, params string[] arguments)
    {
        var tarball = Workspace.PathOf("image.tar");
        result = Publish(environment, new[] { "-p:ContainerArchiveOutputPath=" + tarball }.Concat(arguments).ToArray());
        return tarball;
    }

    public JsonDocument ReleaseManifest() =>
        JsonDocument.Parse(Workspace.ReadFile($"{Project}/bin/Release/net10.0/{Project}.release.json"));

    public static string ShortCommit(string commit) => commit[..7];

    public void Dispose() => Workspace.Dispose();
}
