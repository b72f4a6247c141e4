using System.Text;
using System.Text.Json.Nodes;
using TwelveFactor.Sdk.ContainerTests;

namespace TwelveFactor.Templates.Tests.Kubelet;

/// <summary>
/// A service generated with `dotnet new 12f-service`, committed, and released the way its README says
/// (`dotnet build -c Release -t:TwelveFactorRelease` to a registry on loopback): its images pushed and its
/// Kubernetes manifests written, read back through the schema validator, and a PostgreSQL server to deploy against.
/// </summary>
public sealed class ReleasedService : IDisposable
{
    public const string Name = "Orders";

    private readonly Dictionary<string, PodImage> _images = new(StringComparer.Ordinal);

    public ReleasedService()
    {
        Unavailable = ContainerTools.MissingReason ?? PostgresServer.Unavailable ?? KubernetesSchema.Unavailable;
        if (Unavailable is not null)
        {
            return;
        }

        Registry = new RegistryFixture();
        Workspace = Workspace.Create("deploy");
        var generated = TemplateHive.Instance.New(Workspace.PathOf(Name), Name);
        Assert.True(generated.ExitCode == 0, generated.ToString());
        var feed = Workspace.Dotnet(Name, "nuget", "add", "source", Workspace.Sdk.Feed, "-n", "twelvefactor-test", "--configfile", "nuget.config");
        Assert.True(feed.Succeeded, feed.ToString());
        // The first restore writes the lock files, which a release commits (factor II) before it is cut (factor V).
        var restore = Workspace.Dotnet(Name, "restore", "-nologo");
        Assert.True(restore.Succeeded, restore.ToString());
        Workspace.Git("add", "-A");
        Workspace.Git("commit", "-q", "-m", "release");

        // A one-second pause before SIGTERM instead of five keeps the test short; the rest is the template's own.
        Release = Workspace.Dotnet(Name, Registry.Environment, "build", "-c", "Release", "-t:TwelveFactorRelease", "-nologo", "-tl:off", "-clp:NoSummary;ForceNoAlign",
            "-p:ContainerRegistry=" + Registry.Address, "-p:ContainerBaseImage=" + Registry.BaseImage, "-p:TwelveFactorPreStopSeconds=1");
        Folder = Workspace.PathOf(Name + "/artifacts/kubernetes");
        if (Release.Succeeded)
        {
            Objects = KubernetesSchema.Validate(Directory.GetFiles(Folder, "*.yaml", SearchOption.AllDirectories));
            Postgres = PostgresServer.Start();
        }
    }

    /// <summary>Why the deploy cannot run here (tools missing), or null.</summary>
    public string? Unavailable { get; }

    public RegistryFixture? Registry { get; }

    public Workspace? Workspace { get; }

    public BuildResult? Release { get; }

    /// <summary>The release's kubernetes folder.</summary>
    public string Folder { get; } = "";

    /// <summary>Every YAML document of the release, validated.</summary>
    public IReadOnlyList<SchemaResult> Objects { get; } = Array.Empty<SchemaResult>();

    public PostgresServer? Postgres { get; }

    public JsonObject Object(string kind, string namePrefix) =>
        Objects.Single(o => o.Kind == kind && o.Name!.StartsWith(namePrefix, StringComparison.Ordinal)).Object!;

    /// <summary>The image of a pod template, pulled by digest once.</summary>
    public PodImage Image(JsonObject podTemplate)
    {
        var reference = (string)podTemplate["spec"]!["containers"]![0]!["image"]!;
        lock (_images)
        {
            if (!_images.TryGetValue(reference, out var image))
            {
                _images[reference] = image = PodImage.Pull(reference, Workspace!.PathOf("images/" + _images.Count));
            }

            return image;
        }
    }

    /// <summary>A Secret as an operator would create it from the config example, validated like the release's objects.</summary>
    public JsonObject Secret(string name, IReadOnlyDictionary<string, string> values)
    {
        var data = new JsonObject();
        foreach (var (key, value) in values)
        {
            data[key] = Convert.ToBase64String(Encoding.UTF8.GetBytes(value));
        }

        var secret = new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Secret",
            ["metadata"] = new JsonObject { ["name"] = name },
            ["type"] = "Opaque",
            ["data"] = data,
        };
        var file = Workspace!.WriteFile("secrets/" + name + "-" + Guid.NewGuid().ToString("N")[..6] + ".json", secret.ToJsonString());
        var result = Assert.Single(KubernetesSchema.Validate(new[] { file }));
        Assert.Null(result.Error);
        return secret;
    }

    public void Dispose()
    {
        Postgres?.Dispose();
        Workspace?.Dispose();
        Registry?.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class ReleasedServiceCollection : ICollectionFixture<ReleasedService>
{
    public const string Name = "released service";
}

/// <summary>A test that deploys the released service: skipped, with the reason, only where the tools are missing.</summary>
public sealed class DeployFactAttribute : FactAttribute
{
    public DeployFactAttribute()
    {
        if ((ContainerTools.MissingReason ?? PostgresServer.Unavailable ?? KubernetesSchema.Unavailable) is { } reason)
        {
            Skip = reason;
        }
    }
}
