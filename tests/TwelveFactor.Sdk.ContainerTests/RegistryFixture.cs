namespace TwelveFactor.Sdk.ContainerTests;

/// <summary>
/// A registry on 127.0.0.1 with the offline .NET base image in it, shared by the tests of the collection.
/// Reuses the registry CI started when TWELVEFACTOR_TEST_REGISTRY names one; otherwise starts its own
/// (eng/containers/registry.sh) and stops it, by PID, when the tests are done.
/// </summary>
public sealed class RegistryFixture : IDisposable
{
    private readonly string? _state;

    public RegistryFixture()
    {
        if (ContainerTools.MissingReason is not null)
        {
            Address = "";
            BaseImage = "";
            return;
        }

        var reused = System.Environment.GetEnvironmentVariable("TWELVEFACTOR_TEST_REGISTRY");
        if (!string.IsNullOrEmpty(reused))
        {
            Address = reused;
        }
        else
        {
            _state = Path.Combine(Path.GetTempPath(), "twelvefactor-registry-" + Guid.NewGuid().ToString("N")[..8]);
            Address = Script("registry.sh", "start", _state).Trim();
        }

        BaseImage = Script("base-image.sh", Address).Trim().Split('\n').Last().Trim();
        UnpinnedBaseImage = BaseImage[..BaseImage.IndexOf('@')];
    }

    /// <summary>127.0.0.1:PORT</summary>
    public string Address { get; }

    /// <summary>The .NET base image, pinned: 127.0.0.1:PORT/dotnet/aspnet:10.0@sha256:...</summary>
    public string BaseImage { get; }

    /// <summary>The same image by tag only.</summary>
    public string UnpinnedBaseImage { get; } = "";

    /// <summary>What every dotnet publish gets: the registry is plain HTTP on loopback.</summary>
    public Dictionary<string, string?> Environment => new() { ["DOTNET_CONTAINER_INSECURE_REGISTRIES"] = Address };

    public void Dispose()
    {
        if (_state is not null)
        {
            Script("registry.sh", "stop", _state);
        }
    }

    private static string Script(string name, params string[] arguments)
    {
        var result = ProcessRunner.Run("bash", new[] { Path.Combine(RepositoryLayout.Root, "eng", "containers", name) }.Concat(arguments),
            RepositoryLayout.Root, timeout: TimeSpan.FromMinutes(3));
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"eng/containers/{name} {string.Join(' ', arguments)} failed:\n{result.Output}");
        }

        return result.Output;
    }
}

[CollectionDefinition(Name)]
public sealed class RegistryCollection : ICollectionFixture<RegistryFixture>
{
    public const string Name = "registry";
}
