namespace TwelveFactor.Sdk.ContainerTests;

/// <summary>Images published as releases: tags, labels and the release manifest, seen from a real registry.</summary>
[Collection(RegistryCollection.Name)]
public class ReleaseImageTests
{
    private readonly RegistryFixture _registry;

    public ReleaseImageTests(RegistryFixture registry) => _registry = registry;

    [ContainerFact]
    public void Registry_image_is_a_labelled_release_and_the_same_release_is_refused_a_second_time()
    {
        using var release = ReleaseWorkspace.Create("release", _registry, properties: "\n    <Version>1.4.0</Version>");
        var repository = "acme/shop-" + Guid.NewGuid().ToString("N")[..6];
        var releaseId = "1.4.0-" + ReleaseWorkspace.ShortCommit(release.Commit);

        var first = release.PublishToRegistry(repository);

        Assert.True(first.Succeeded, first.ToString());
        Assert.Empty(first.Findings);
        var image = $"docker://{_registry.Address}/{repository}";
        Assert.Equal(new[] { "1.4.0", releaseId }, Images.Tags(image).OrderBy(t => t, StringComparer.Ordinal));
        var config = Images.Config($"{image}:{releaseId}");
        var labels = Images.Labels(config);
        Assert.Equal(release.Commit, labels["org.opencontainers.image.revision"]);
        Assert.Equal("https://example.invalid/acme/shop", labels["org.opencontainers.image.source"]);
        Assert.Equal("1.4.0", labels["org.opencontainers.image.version"]);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(release.CommitTime).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"), labels["org.opencontainers.image.created"]);
        Assert.Equal(ReleaseWorkspace.Project, labels["org.opencontainers.image.title"]);
        Assert.Equal(releaseId, labels["io.twelvefactor.release"]);
        Assert.Equal("web", labels["io.twelvefactor.process-type"]);
        Assert.Equal("1654", config.GetProperty("User").GetString());

        using (var manifest = release.ReleaseManifest())
        {
            var root = manifest.RootElement;
            Assert.Equal(releaseId, root.GetProperty("releaseId").GetString());
            Assert.Equal("web", root.GetProperty("processType").GetString());
            Assert.Equal($"{_registry.Address}/{repository}", root.GetProperty("image").GetProperty("name").GetString());
            Assert.Equal(Images.Digest($"{image}:{releaseId}"), root.GetProperty("image").GetProperty("digest").GetString());
            Assert.Equal(new[] { releaseId, "1.4.0" }, root.GetProperty("image").GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
            Assert.Equal(_registry.BaseImage, root.GetProperty("baseImage").GetString());
            Assert.Equal(release.Commit, root.GetProperty("labels").GetProperty("org.opencontainers.image.revision").GetString());
        }

        var digestBefore = Images.Digest($"{image}:{releaseId}");
        var second = release.PublishToRegistry(repository);

        Assert.False(second.Succeeded, second.ToString());
        var refused = Assert.Single(second.WithCode("TF0503"));
        Assert.Equal("error", refused.Severity);
        Assert.Contains($"'{_registry.Address}/{repository}' already has the tag '{releaseId}'", refused.Message);
        Assert.DoesNotContain("Pushed image", second.Output);
        Assert.Equal(digestBefore, Images.Digest($"{image}:{releaseId}"));

        var renamed = release.PublishToRegistry(repository, "-p:TwelveFactorReleaseId=build-77");
        Assert.True(renamed.Succeeded, renamed.ToString());
        Assert.Contains("build-77", Images.Tags(image));
    }

    [ContainerFact]
    public void Tarball_image_takes_its_created_time_from_source_date_epoch()
    {
        using var release = ReleaseWorkspace.Create("tarball", _registry);
        var releaseId = "1.0.0-" + ReleaseWorkspace.ShortCommit(release.Commit);

        var tarball = release.PublishToTarball(out var result, new Dictionary<string, string?> { ["SOURCE_DATE_EPOCH"] = "1700000000" });

        Assert.True(result.Succeeded, result.ToString());
        var labels = Images.Labels(Images.Config($"oci-archive:{tarball}:{releaseId}"));
        Assert.Equal("2023-11-14T22:13:20Z", labels["org.opencontainers.image.created"]);
        Assert.Equal(releaseId, labels["io.twelvefactor.release"]);
        using var manifest = release.ReleaseManifest();
        Assert.Equal(tarball, manifest.RootElement.GetProperty("image").GetProperty("archive").GetString());
        Assert.StartsWith("sha256:", manifest.RootElement.GetProperty("image").GetProperty("digest").GetString());
    }

    [ContainerFact]
    public void Image_runs_without_docker_answers_on_its_port_and_exits_cleanly_on_sigterm()
    {
        using var release = ReleaseWorkspace.Create("run", _registry);
        var releaseId = "1.0.0-" + ReleaseWorkspace.ShortCommit(release.Commit);
        var tarball = release.PublishToTarball(out var result);
        Assert.True(result.Succeeded, result.ToString());

        using var container = RunningContainer.Start(tarball, releaseId);
        var (status, body) = container.WaitForHttp("/healthz", TimeSpan.FromSeconds(30));
        Assert.Equal(System.Net.HttpStatusCode.OK, status);
        Assert.Contains("alive", body);

        // The host's default shutdown timeout is 30 s; a clean app exits well within it.
        var (exitCode, elapsed) = container.Terminate(TimeSpan.FromSeconds(30));
        Assert.True(exitCode == 0, $"exit code {exitCode}\n{container.Output}");
        Assert.True(elapsed < TimeSpan.FromSeconds(10), $"took {elapsed.TotalSeconds:0.0} s to stop");
    }
}
