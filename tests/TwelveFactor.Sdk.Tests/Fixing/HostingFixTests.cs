using TwelveFactor.Sdk.Fixing;
using TwelveFactor.Sdk.Policy;

namespace TwelveFactor.Sdk.Tests.Fixing;

/// <summary>TF0701 in the project and TF0702 in shipped JSON config: Kestrel out of process, and no fixed listen address.</summary>
public class HostingFixTests
{
    private const string ProjectFile = "/repo/Web/Web.csproj";

    private const string SettingsFile = "/repo/Web/appsettings.json";

    private const string Project =
        "<Project Sdk=\"TwelveFactor.Sdk/0.1.0\">\n" +
        "\t<PropertyGroup Label=\"hosting\">\n" +
        "\t\t<AspNetCoreHostingModel>InProcess</AspNetCoreHostingModel><!-- IIS, 2018 -->\n" +
        "\t\t<IsTransformWebConfigDisabled>false</IsTransformWebConfigDisabled>\n" +
        "\t</PropertyGroup>\n" +
        "</Project>\n";

    private const string Settings =
        "{\r\n" +
        "  /* where it listens */\r\n" +
        "  \"AllowedHosts\": \"*\",\r\n" +
        "  \"urls\": \"http://0.0.0.0:5000;https://0.0.0.0:5001\", // the old VM\r\n" +
        "  \"Logging\": { \"LogLevel\": { \"Default\": \"Information\" } },\r\n" +
        "  \"https_ports\": \"443\"\r\n" +
        "}\r\n";

    private static FixResult Plan(params Finding[] findings) =>
        BuildFileFixer.Plan(findings, new FixContext(new Dictionary<string, string>(), ProjectFile), path => path switch
        {
            ProjectFile => Project,
            SettingsFile => Settings,
            _ => null,
        });

    private static Finding At(string ruleId, string file, int line, int column, string key) => new(ruleId, file, line, column, Array.Empty<string>(), key);

    [Fact]
    public void In_process_hosting_and_web_config_generation_are_turned_off_in_place()
    {
        var result = Plan(At("TF0701", ProjectFile, 3, 3, "AspNetCoreHostingModel"), At("TF0701", ProjectFile, 4, 3, "IsTransformWebConfigDisabled"));

        Assert.Equal(Project.Replace(">InProcess<", ">OutOfProcess<").Replace(">false<", ">true<"), Assert.Single(result.Files).After);
        Assert.Empty(result.ForPeople);
    }

    [Fact]
    public void A_listen_address_setting_leaves_with_its_line_and_every_other_line_stays()
    {
        var result = Plan(At("TF0702", SettingsFile, 4, 11, "urls"), At("TF0702", SettingsFile, 6, 18, "https_ports"));

        Assert.Equal(
            "{\r\n" +
            "  /* where it listens */\r\n" +
            "  \"AllowedHosts\": \"*\",\r\n" +
            "  \"Logging\": { \"LogLevel\": { \"Default\": \"Information\" } },\r\n" +
            "}\r\n",
            Assert.Single(result.Files).After);
    }

    [Fact]
    public void A_web_config_a_Kestrel_endpoint_or_a_shared_line_needs_a_person()
    {
        var oneLine = BuildFileFixer.Plan(new[] { At("TF0702", SettingsFile, 1, 11, "urls") }, new FixContext(new Dictionary<string, string>()),
            _ => "{ \"urls\": \"http://0.0.0.0:5000\" }");
        var result = Plan(At("TF0701", "/repo/Web/web.config", 5, 5, "web.config"), At("TF0702", SettingsFile, 4, 11, "Kestrel:Endpoints:Http:Url"));

        Assert.Empty(oneLine.Files);
        Assert.Equal("'urls' does not stand on a line of its own: remove it by hand", Assert.Single(oneLine.ForPeople).Why);
        Assert.Empty(result.Files);
        Assert.Equal(2, result.ForPeople.Count);
    }
}
