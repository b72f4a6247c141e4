using TwelveFactor.Sdk.Fixing;
using TwelveFactor.Sdk.Policy;

namespace TwelveFactor.Sdk.Tests.Fixing;

/// <summary>TF0302 and TF0304: files that must not ship are kept out of the outputs by one ItemGroup of Update items.</summary>
public class OutputExclusionFixTests
{
    private const string ProjectFile = "/repo/Web/Web.csproj";

    private const string Project =
        "<Project Sdk=\"TwelveFactor.Sdk/0.1.0\">\r\n" +
        "\t<PropertyGroup>\r\n" +
        "\t\t<TargetFramework>net10.0</TargetFramework>\r\n" +
        "\t</PropertyGroup>\r\n" +
        "\t<ItemGroup>\r\n" +
        "\t\t<None Include=\"certs/signing.pfx\" CopyToOutputDirectory=\"PreserveNewest\" />\r\n" +
        "\t</ItemGroup>\r\n" +
        "</Project>\r\n";

    [Fact]
    public void Default_and_declared_items_are_kept_out_of_the_outputs_they_reached()
    {
        var findings = new[]
        {
            new Finding("TF0302", "/repo/Web/appsettings.Production.json", 0, 0, new[] { "appsettings.Production.json", "build and publish" }, "appsettings.Production.json"),
            new Finding("TF0302", "/repo/Web/appsettings.Development.json", 0, 0, new[] { "appsettings.Development.json", "publish" }, "appsettings.Development.json"),
            new Finding("TF0304", ProjectFile, 6, 3, new[] { "signing.pfx", "build and publish" }, "signing.pfx"),
        };
        var types = new Dictionary<string, string> { ["/repo/Web/appsettings.Production.json"] = "Content", ["/repo/Web/appsettings.Development.json"] = "Content" };

        var result = BuildFileFixer.Plan(findings, new FixContext(new Dictionary<string, string>(), ProjectFile, outputItemTypes: types), path => path == ProjectFile ? Project : null);

        Assert.Equal(
            Project.Replace("</Project>",
                "\t<ItemGroup>\r\n" +
                "\t\t<Content Update=\"appsettings.Development.json\" CopyToPublishDirectory=\"Never\" />\r\n" +
                "\t\t<Content Update=\"appsettings.Production.json\" CopyToOutputDirectory=\"Never\" CopyToPublishDirectory=\"Never\" />\r\n" +
                "\t\t<None Update=\"certs/signing.pfx\" CopyToOutputDirectory=\"Never\" CopyToPublishDirectory=\"Never\" />\r\n" +
                "\t</ItemGroup>\r\n" +
                "</Project>"),
            Assert.Single(result.Files).After);
        Assert.Equal(3, result.Changes.Count);
        Assert.Contains("Rotate the key", result.Changes.Single(c => c.Finding.RuleId == "TF0304").Summary);
        Assert.Empty(result.ForPeople);
    }

    [Fact]
    public void A_file_no_item_is_known_for_or_a_wildcard_item_needs_a_person()
    {
        const string wildcard = "<Project>\n  <ItemGroup>\n    <None Include=\"keys/*.pem\" CopyToOutputDirectory=\"Always\" />\n  </ItemGroup>\n</Project>\n";
        var findings = new[]
        {
            new Finding("TF0302", "/repo/Web/appsettings.Staging.json", 0, 0, new[] { "appsettings.Staging.json", "publish" }, "appsettings.Staging.json"),
            new Finding("TF0304", ProjectFile, 3, 5, new[] { "server.pem", "build and publish" }, "server.pem"),
        };

        var result = BuildFileFixer.Plan(findings, new FixContext(new Dictionary<string, string>(), ProjectFile), path => path == ProjectFile ? wildcard : null);

        Assert.Empty(result.Files);
        Assert.Equal(2, result.ForPeople.Count);
    }
}
