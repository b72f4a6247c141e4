namespace TwelveFactor.Sdk.ContainerTests;

/// <summary>What a container publish refuses or warns about, with the code, file and line a user acts on.</summary>
[Collection(RegistryCollection.Name)]
public class ReleaseCheckTests
{
    private readonly RegistryFixture _registry;

    public ReleaseCheckTests(RegistryFixture registry) => _registry = registry;

    [ContainerFact]
    public void Dirty_tree_is_TF0501_unless_the_project_allows_it()
    {
        using var release = ReleaseWorkspace.Create("dirty", _registry);
        release.Workspace.WriteFile($"{ReleaseWorkspace.Project}/Program.cs", SampleCode.For("web") + "\n// edited\n");

        var refused = release.PublishToTarball(out var result);

        Assert.False(result.Succeeded, result.ToString());
        var finding = Assert.Single(result.WithCode("TF0501"));
        Assert.Contains("a dirty work tree (1 uncommitted change(s): Shop/Program.cs)", finding.Message);
        Assert.False(File.Exists(refused), "nothing is built from a dirty tree");

        release.PublishToTarball(out var allowed, null, "-p:TwelveFactorAllowDirtyRelease=true");
        Assert.True(allowed.Succeeded, allowed.ToString());
        using var manifest = release.ReleaseManifest();
        Assert.EndsWith("-dirty", manifest.RootElement.GetProperty("releaseId").GetString());
    }

    [ContainerFact]
    public void Folder_that_is_not_a_checkout_is_TF0501()
    {
        using var release = ReleaseWorkspace.Create("no-git", _registry, commit: false);

        release.PublishToTarball(out var result);

        Assert.False(result.Succeeded, result.ToString());
        Assert.Contains("a folder that is not a git checkout", Assert.Single(result.WithCode("TF0501")).Message);
    }

    [ContainerFact]
    public void Missing_git_is_TF0501_naming_it_not_a_crash()
    {
        using var release = ReleaseWorkspace.Create("no-git-tool", _registry);

        release.PublishToTarball(out var result, null, "-p:TwelveFactorGitExecutable=/nonexistent/git");

        Assert.False(result.Succeeded, result.ToString());
        Assert.Contains("'/nonexistent/git' was not found", Assert.Single(result.WithCode("TF0501")).Message);
        Assert.DoesNotContain(result.Diagnostics, d => d.Code is "MSB4018" or "TF0000");
    }

    [ContainerFact]
    public void Root_user_is_TF0901_at_its_line_and_unpinned_base_is_TF0204_showing_the_pinned_form()
    {
        using var release = ReleaseWorkspace.Create("root", _registry, properties: $"""

                <ContainerBaseImage>{_registry.UnpinnedBaseImage}</ContainerBaseImage>
                <ContainerUser>root</ContainerUser>
            """);
        var project = $"{ReleaseWorkspace.Project}/{ReleaseWorkspace.Project}.csproj";

        release.PublishToTarball(out var result);

        Assert.False(result.Succeeded, result.ToString());
        var root = Assert.Single(result.WithCode("TF0901"));
        Assert.Equal(("error", release.Workspace.LineOf(project, "<ContainerUser>")), (root.Severity, root.Line));
        var unpinned = Assert.Single(result.WithCode("TF0204"));
        Assert.Equal(("warning", release.Workspace.LineOf(project, "<ContainerBaseImage>")), (unpinned.Severity, unpinned.Line));
        Assert.Contains($"write it as '{_registry.UnpinnedBaseImage}@sha256:<digest>'", unpinned.Message);
        var sarif = Sarif.Load(release.Workspace.PathOf($"{ReleaseWorkspace.Project}/obj/Release/net10.0/twelvefactor/TwelveFactor.container-release.sarif"));
        Assert.Equal(new[] { "TF0204", "TF0901" }, sarif.Results.Select(r => r.RuleId).OrderBy(r => r));
    }

    [ContainerFact]
    public void TwelveFactorFix_sets_a_non_root_user_and_pins_the_base_image_by_the_digest_the_registry_serves()
    {
        using var release = ReleaseWorkspace.Create("fix-release", _registry, properties: $"""

                <ContainerBaseImage>{_registry.UnpinnedBaseImage}</ContainerBaseImage>
                <ContainerUser>root</ContainerUser>
            """);
        var project = $"{ReleaseWorkspace.Project}/{ReleaseWorkspace.Project}.csproj";
        var original = release.Workspace.ReadFile(project);

        var fix = release.Workspace.Build(ReleaseWorkspace.Project, _registry.Environment, "-t:TwelveFactorFix");

        Assert.True(fix.Succeeded, fix.ToString());
        Assert.Equal(
            original.Replace($">{_registry.UnpinnedBaseImage}<", $">{_registry.BaseImage}<").Replace("<ContainerUser>root<", "<ContainerUser>app<"),
            release.Workspace.ReadFile(project));
        Assert.Contains("TF0901 changed: ContainerUser set from 'root' to 'app'", fix.Output);
        release.Workspace.Git("commit", "-qam", "non-root, pinned base image");

        release.PublishToTarball(out var published);
        Assert.True(published.Succeeded, published.ToString());
        Assert.Empty(published.WithCode("TF0901"));
        Assert.Empty(published.WithCode("TF0204"));
    }

    [ContainerFact]
    public void TwelveFactorFix_says_how_to_pin_a_base_image_whose_registry_cannot_be_reached()
    {
        using var release = ReleaseWorkspace.Create("fix-unreachable", _registry, properties: """

                <ContainerBaseImage>127.0.0.1:9/dotnet/aspnet:10.0</ContainerBaseImage>
            """);
        var project = $"{ReleaseWorkspace.Project}/{ReleaseWorkspace.Project}.csproj";
        var original = release.Workspace.ReadFile(project);

        var fix = release.Workspace.Build(ReleaseWorkspace.Project, "-t:TwelveFactorFix");

        Assert.True(fix.Succeeded, fix.ToString());
        Assert.Equal(original, release.Workspace.ReadFile(project));
        Assert.Contains("TF0204 needs a person (the registry did not give the digest of 127.0.0.1:9/dotnet/aspnet:10.0", fix.Output);
        Assert.Contains("write 127.0.0.1:9/dotnet/aspnet:10.0@sha256:<digest>", fix.Output);
    }

    [ContainerFact]
    public void Declared_port_the_app_does_not_bind_is_TF0703_at_the_ContainerPort_item()
    {
        using var release = ReleaseWorkspace.Create("port", _registry, body: """
              <ItemGroup>
                <ContainerPort Include="9090" Type="tcp" />
              </ItemGroup>
            """);

        release.PublishToTarball(out var result);

        Assert.True(result.Succeeded, result.ToString());
        var mismatch = Assert.Single(result.WithCode("TF0703"));
        Assert.Equal("warning", mismatch.Severity);
        Assert.Contains("declares port 8080, 9090 but the app binds 8080", mismatch.Message.Replace("9090, 8080", "8080, 9090"));
        Assert.Equal(release.Workspace.LineOf($"{ReleaseWorkspace.Project}/{ReleaseWorkspace.Project}.csproj", "<ContainerPort"), mismatch.Line);
    }

    [ContainerFact]
    public void Publish_time_findings_follow_the_policy_switches()
    {
        using var release = ReleaseWorkspace.Create("nowarn", _registry, properties: "\n    <ContainerUser>0</ContainerUser>\n    <NoWarn>$(NoWarn);TF0901</NoWarn>");

        release.PublishToTarball(out var result);

        Assert.True(result.Succeeded, result.ToString());
        Assert.Empty(result.WithCode("TF0901"));
    }
}
