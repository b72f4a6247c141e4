namespace TwelveFactor.Sdk.ContainerTests;

/// <summary>The release's Kubernetes manifests, written by dotnet publish -t:PublishContainer beside the release manifest.</summary>
[Collection(RegistryCollection.Name)]
public class KubernetesManifestTests
{
    private readonly RegistryFixture _registry;

    public KubernetesManifestTests(RegistryFixture registry) => _registry = registry;

    [ContainerFact]
    public void A_published_web_release_gets_valid_manifests_that_run_the_pushed_digest()
    {
        using var release = ReleaseWorkspace.Create("kubernetes", _registry,
            properties: "\n    <Version>2.1.0</Version>\n    <TwelveFactorReplicas>3</TwelveFactorReplicas>\n    <TwelveFactorReadinessPath>/ready</TwelveFactorReadinessPath>",
            body: "  <ItemGroup>\n    <TwelveFactorConfigVariable Include=\"DATABASE_URL\" />\n    <TwelveFactorConfigVariable Include=\"LOG_LEVEL\" Required=\"false\" />\n  </ItemGroup>\n");
        var repository = "acme/shop-" + Guid.NewGuid().ToString("N")[..6];
        var releaseId = "2.1.0-" + ReleaseWorkspace.ShortCommit(release.Commit);

        var published = release.PublishToRegistry(repository);

        Assert.True(published.Succeeded, published.ToString());
        var folder = release.Workspace.PathOf($"{ReleaseWorkspace.Project}/bin/Release/net10.0/kubernetes");
        Assert.Contains("Kubernetes manifests of shop-web -> " + Path.Combine(folder, "shop-web"), published.Output);
        var digest = Images.Digest($"docker://{_registry.Address}/{repository}:{releaseId}");
        var deployment = File.ReadAllText(Path.Combine(folder, "shop-web", "deployment.yaml"));
        Assert.Contains($"image: \"{_registry.Address}/{repository}@{digest}\"\n", deployment);
        Assert.Contains("replicas: 3\n", deployment);
        Assert.Contains($"io.twelvefactor/release: \"{releaseId}\"\n", deployment);
        Assert.Contains("runAsUser: 1654\n", deployment);
        Assert.Contains("containerPort: 8080\n", deployment);
        Assert.Contains("path: /ready\n", deployment);
        Assert.Contains("# required (web)\nDATABASE_URL=\n", File.ReadAllText(Path.Combine(folder, "shop.env.example")));
        Assert.Contains("# optional (web)\n# LOG_LEVEL=\n", File.ReadAllText(Path.Combine(folder, "shop.env.example")));

        if (KubernetesSchema.Unavailable is null)
        {
            var results = KubernetesSchema.Validate(Directory.GetFiles(folder, "*.yaml", SearchOption.AllDirectories));
            Assert.All(results, r => Assert.Null(r.Error));
            Assert.Equal(new[] { "Deployment", "Kustomization", "Kustomization", "Service" }, results.Select(r => r.Kind).Order(StringComparer.Ordinal));
        }
    }

    [ContainerFact]
    public void An_invalid_setting_stops_the_publish_before_the_image_is_pushed()
    {
        using var release = ReleaseWorkspace.Create("kubernetes-invalid", _registry);
        var repository = "acme/shop-" + Guid.NewGuid().ToString("N")[..6];

        var published = release.PublishToRegistry(repository, "-p:TwelveFactorReplicas=two", "-p:TwelveFactorLivenessPath=healthz");

        Assert.False(published.Succeeded, published.ToString());
        Assert.Equal(
            new[] { "TwelveFactorLivenessPath is 'healthz'", "TwelveFactorReplicas is 'two'" },
            published.WithCode("TF0005").Select(d => d.Message[..d.Message.IndexOf(", which", StringComparison.Ordinal)]).Order(StringComparer.Ordinal));
        Assert.DoesNotContain("Pushed image", published.Output);
    }

    [ContainerFact]
    public void Manifests_can_be_switched_off()
    {
        using var release = ReleaseWorkspace.Create("kubernetes-off", _registry);

        var published = release.PublishToRegistry("acme/shop-" + Guid.NewGuid().ToString("N")[..6], "-p:TwelveFactorKubernetesManifests=false");

        Assert.True(published.Succeeded, published.ToString());
        Assert.False(Directory.Exists(release.Workspace.PathOf($"{ReleaseWorkspace.Project}/bin/Release/net10.0/kubernetes")));
    }
}
