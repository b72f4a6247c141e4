using TwelveFactor.Sdk.Config;

namespace TwelveFactor.Sdk.Tests.Config;

public sealed class ConfigItemRulesTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "tf-config-items-" + Guid.NewGuid().ToString("N")[..8]);

    public ConfigItemRulesTests() => Directory.CreateDirectory(_root);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Reports_embedded_config_environment_files_and_key_files_at_their_item()
    {
        var project = Write("Svc.csproj", """
            <Project>
              <ItemGroup>
                <EmbeddedResource Include="Config\*.json" />
                <Content Include="appsettings.Staging.json" CopyToOutputDirectory="PreserveNewest" />
                <None Include="tls.pfx" CopyToPublishDirectory="Always" />
              </ItemGroup>
            </Project>
            """);
        var items = new[]
        {
            Item("EmbeddedResource", "Config/defaults.json", project),
            Item("Content", "appsettings.Staging.json", project, copyToOutput: "PreserveNewest"),
            Item("None", "tls.pfx", project, copyToPublish: "Always"),
            Item("None", "notes.json", project),
            Item("Content", "appsettings.Development.json", "/usr/share/dotnet/sdk/Web.props", copyToOutput: "PreserveNewest", copyToPublish: "Never"),
        };

        var findings = ConfigItemRules.Check(items, new ItemLocations(_root), project, _ => null).ToList();

        Assert.Equal(new[]
        {
            ("TF0301", 3, "defaults.json"),
            ("TF0302", 4, "appsettings.Staging.json|build and publish"),
            ("TF0304", 5, "tls.pfx|publish"),
        }, findings.Select(f => (f.RuleId, f.Line, string.Join("|", f.Arguments))));
    }

    [Fact]
    public void Development_settings_are_fine_in_the_build_output_but_not_in_publish()
    {
        var sdkItem = Item("Content", "appsettings.Development.json", "/sdk/Web.props", copyToOutput: "PreserveNewest", copyToPublish: "Never");
        var published = sdkItem with { CopyToPublishDirectory = "PreserveNewest" };

        Assert.Empty(ConfigItemRules.Check(new[] { sdkItem }, new ItemLocations(_root), "", _ => null));
        var finding = Assert.Single(ConfigItemRules.Check(new[] { published }, new ItemLocations(_root), "", _ => null));
        Assert.Equal(("TF0302", "publish", 0), (finding.RuleId, finding.Arguments[1], finding.Line));
        Assert.Equal(published.FullPath, finding.File);
    }

    [Fact]
    public void The_publish_folder_is_checked_except_the_copies_the_build_checked()
    {
        var publish = Path.Combine(_root, "publish");
        Write("publish/appsettings.json", "{ \"Password\": \"" + SecretSamples.Password + "\" }");
        Write("publish/appsettings.Docker.json", "{ }");
        Write("publish/config/extra.yaml", "token: " + SecretSamples.GitHubToken + "\n");
        Write("publish/keys/id_rsa", SecretSamples.PrivateKeyPem);
        Write("publish/broken.json", "{ \"a\": }");

        var findings = PublishFolderRule.Check(publish, new HashSet<string> { "appsettings.json" });

        Assert.Equal(new[]
        {
            ("TF0302", "appsettings.Docker.json", 0),
            ("TF0004", "broken.json", 1),
            ("TF0303", "extra.yaml", 1),
            ("TF0304", "id_rsa", 0),
        }, findings.Select(f => (f.RuleId, Path.GetFileName(f.File), f.Line)).OrderBy(f => f.Item2));
    }

    private ConfigItem Item(string type, string identity, string definingFile, string copyToOutput = "", string copyToPublish = "") =>
        new(type, identity, Path.Combine(_root, identity), definingFile, copyToOutput, copyToPublish);

    private string Write(string relative, string text)
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }
}
