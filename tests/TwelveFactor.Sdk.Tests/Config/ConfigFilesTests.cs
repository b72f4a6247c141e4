using TwelveFactor.Sdk.Knowledge;
using TwelveFactor.Sdk.Reading;

namespace TwelveFactor.Sdk.Tests.Config;

public class ConfigFilesTests
{
    [Theory]
    [InlineData("appsettings.json", ConfigFormat.Json)]
    [InlineData("nlog.config", ConfigFormat.Xml)]
    [InlineData("settings.yml", ConfigFormat.Yaml)]
    [InlineData(".env", ConfigFormat.KeyValue)]
    [InlineData(".env.production", ConfigFormat.KeyValue)]
    [InlineData("app.properties", ConfigFormat.KeyValue)]
    [InlineData("Svc.deps.json", ConfigFormat.None)]
    [InlineData("Svc.runtimeconfig.json", ConfigFormat.None)]
    [InlineData("packages.lock.json", ConfigFormat.None)]
    [InlineData("package-lock.json", ConfigFormat.None)]
    [InlineData("Program.cs", ConfigFormat.None)]
    public void Knows_config_formats(string name, ConfigFormat format) =>
        Assert.Equal(format, ConfigFiles.FormatOf("/src/" + name));

    [Theory]
    [InlineData("appsettings.Production.json", "Production")]
    [InlineData("appsettings.Docker.json", "Docker")]
    [InlineData("appsettings.Development.json", "Development")]
    [InlineData("web.Release.config", "Release")]
    [InlineData("serilog.staging.yaml", "staging")]
    [InlineData("queue.production.json", "production")]
    [InlineData("orders.queue.PROD.YML", "PROD")]
    [InlineData(".staging.toml", "staging")]
    [InlineData("queue.production.txt", null)]
    [InlineData("queue.nightly.json", null)]
    [InlineData(".env", "dotenv")]
    [InlineData(".env.production", "production")]
    [InlineData("docker.env", "docker")]
    [InlineData("secrets.json", "user secrets")]
    [InlineData("appsettings.json", null)]
    [InlineData("nlog.config", null)]
    [InlineData(".env.example", null)]
    [InlineData("web.config", null)]
    public void Names_the_environment_a_file_is_specific_to(string name, string? environment) =>
        Assert.Equal(environment, ConfigFiles.EnvironmentOf("/src/" + name));

    [Theory]
    [InlineData("cert.pfx", true)]
    [InlineData("cert.p12", true)]
    [InlineData("signing.key", true)]
    [InlineData("keys.jwk", true)]
    [InlineData("id_rsa", true)]
    [InlineData("id_ed25519", true)]
    [InlineData(".git-credentials", true)]
    [InlineData("app.publishsettings", true)]
    [InlineData("id_rsa.pub", false)]
    [InlineData("ca.crt", false)]
    [InlineData("app.json", false)]
    public void Knows_key_and_credential_files_by_name(string name, bool isKey) =>
        Assert.Equal(isKey, ConfigFiles.IsKeyFile("/src/" + name, _ => "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----"));

    [Fact]
    public void A_pem_counts_only_with_a_private_key_in_it()
    {
        Assert.False(ConfigFiles.IsKeyFile("/src/cert.pem", _ => "-----BEGIN CERTIFICATE-----\n" + SecretSamples.KeyMaterial + "\n-----END CERTIFICATE-----\n"));
        Assert.True(ConfigFiles.IsKeyFile("/src/key.pem", _ => SecretSamples.PrivateKeyPem));
        Assert.False(ConfigFiles.IsKeyFile("/src/example.pem", _ => "-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----\n"));
    }
}
