using TwelveFactor.Sdk.Fixing;
using TwelveFactor.Sdk.Policy;

namespace TwelveFactor.Sdk.Tests.Fixing;

/// <summary>
/// TF0303's fix: the value leaves appsettings.json (comments, trailing commas and indentation kept), its variable
/// is declared in .env.example, the value goes to the user secrets, and nothing shown carries the value.
/// </summary>
public class SecretSettingFixTests
{
    private const string Secret = "Host=db.internal;Username=app;Password=Sup3rS3cretPassw0rd!";

    private const string ProjectFile = "/repo/Svc/Svc.csproj";

    private const string SettingsFile = "/repo/Svc/appsettings.json";

    private const string EnvironmentExample = "/repo/Svc/.env.example";

    private const string Settings =
        "{\r\n" +
        "    // the production database\r\n" +
        "    \"ConnectionStrings\": {\r\n" +
        "        \"Default\": \"" + Secret + "\", /* rotated yearly */\r\n" +
        "    },\r\n" +
        "    \"Logging\": { \"LogLevel\": { \"Default\": \"Information\" } },\r\n" +
        "}\r\n";

    private const string Project =
        "<Project Sdk=\"TwelveFactor.Sdk/0.1.0\">\n" +
        "\t<PropertyGroup>\n" +
        "\t\t<TargetFramework>net10.0</TargetFramework>\n" +
        "\t</PropertyGroup>\n" +
        "</Project>\n";

    private static readonly Finding SecretFinding =
        new("TF0303", SettingsFile, 4, 45, new[] { "connection-string password", "appsettings.json", "'ConnectionStrings:Default' = ***" },
            "connection-string password|ConnectionStrings:Default");

    private static FixResult Plan(string? userSecretsId = null, string? environmentExample = null) =>
        BuildFileFixer.Plan(new[] { SecretFinding }, new FixContext(new Dictionary<string, string>(), ProjectFile, userSecretsId),
            path => path switch
            {
                SettingsFile => Settings,
                ProjectFile => Project,
                EnvironmentExample => environmentExample,
                _ => null,
            },
            () => "0b4c6f9e-1111-4222-8333-944445555666");

    [Fact]
    public void The_value_leaves_the_file_and_every_other_byte_stays()
    {
        var result = Plan();

        var settings = Assert.Single(result.Files, f => f.Path == SettingsFile);
        Assert.Equal(Settings.Replace(Secret, ""), settings.After);
        Assert.Empty(result.ForPeople);
    }

    [Fact]
    public void The_variable_is_declared_without_its_value_and_the_value_goes_to_the_user_secrets()
    {
        var result = Plan();

        Assert.Equal(
            "# What the service reads from its environment. Values are set where it runs, never committed.\n" +
            "ConnectionStrings__Default=\n",
            Assert.Single(result.Files, f => f.Path == EnvironmentExample).After);
        Assert.Equal(
            Project.Replace("\t</PropertyGroup>", "\t\t<UserSecretsId>0b4c6f9e-1111-4222-8333-944445555666</UserSecretsId>\n\t</PropertyGroup>"),
            Assert.Single(result.Files, f => f.Path == ProjectFile).After);
        var secrets = result.UserSecrets!;
        Assert.Equal("0b4c6f9e-1111-4222-8333-944445555666", secrets.Id);
        var moved = Assert.Single(secrets.Settings);
        Assert.Equal(("ConnectionStrings:Default", Secret, "ConnectionStrings__Default"), (moved.Key, moved.Value, moved.VariableName));
    }

    [Fact]
    public void A_project_with_user_secrets_and_an_env_example_keeps_them_and_gains_one_line()
    {
        var result = Plan("existing-id", "# documented\r\nDATABASE_URL=\r\nexport PORT=8080");

        Assert.DoesNotContain(result.Files, f => f.Path == ProjectFile);
        Assert.Equal("existing-id", result.UserSecrets!.Id);
        Assert.Equal("# documented\r\nDATABASE_URL=\r\nexport PORT=8080\r\nConnectionStrings__Default=\r\n",
            Assert.Single(result.Files, f => f.Path == EnvironmentExample).After);
        Assert.Null(Plan("existing-id", "ConnectionStrings__Default=\n").Files.SingleOrDefault(f => f.Path == EnvironmentExample));
    }

    [Fact]
    public void Nothing_shown_carries_the_value_and_the_summary_asks_for_rotation()
    {
        var result = Plan();
        var shown = result.Files.SelectMany(f => LineDiff.Unified(f.Path, f.ShownBefore, f.After)).Concat(result.Changes.Select(c => c.Summary)).ToList();

        Assert.Contains("-        \"Default\": \"***\", /* rotated yearly */", shown);
        Assert.Contains("+        \"Default\": \"\", /* rotated yearly */", shown);
        Assert.DoesNotContain(shown, line => line.Contains("Sup3r", StringComparison.Ordinal));
        Assert.DoesNotContain("Sup3r", result.UserSecrets!.Settings[0].ToString(), StringComparison.Ordinal);
        Assert.Contains("Rotate the credential", Assert.Single(result.Changes).Summary);
    }

    [Fact]
    public void A_finding_about_the_removed_value_goes_with_it_and_one_beside_it_stays()
    {
        var address = new Finding("TF0401", SettingsFile, 4, 20, Array.Empty<string>(), "ConnectionStrings:Default");
        var elsewhere = new Finding("TF0401", SettingsFile, 6, 5, Array.Empty<string>(), "Logging");
        var result = BuildFileFixer.Plan(new[] { SecretFinding, address, elsewhere }, new FixContext(new Dictionary<string, string>(), ProjectFile, "id"),
            path => path == SettingsFile ? Settings : path == ProjectFile ? Project : null);

        Assert.Same(address, Assert.Single(result.ResolvedAlong));
        Assert.Same(elsewhere, Assert.Single(result.ForPeople).Finding);
    }

    [Fact]
    public void A_secret_outside_appsettings_or_without_a_place_for_local_runs_needs_a_person()
    {
        var inEnvFile = SecretFinding with { File = "/repo/Svc/.env" };
        var elsewhere = BuildFileFixer.Plan(new[] { inEnvFile }, new FixContext(new Dictionary<string, string>(), ProjectFile), _ => "PASSWORD=Sup3rS3cretPassw0rd!\n");
        Assert.StartsWith("only appsettings*.json settings are moved automatically", Assert.Single(elsewhere.ForPeople).Why);

        var noGroup = BuildFileFixer.Plan(new[] { SecretFinding }, new FixContext(new Dictionary<string, string>(), ProjectFile),
            path => path == SettingsFile ? Settings : path == ProjectFile ? "<Project Sdk=\"X\" />" : null);
        Assert.Empty(noGroup.Files);
        Assert.Null(noGroup.UserSecrets);
        Assert.Contains("no PropertyGroup", Assert.Single(noGroup.ForPeople).Why);
    }
}
