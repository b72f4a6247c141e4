using TwelveFactor.Sdk.Reading;

namespace TwelveFactor.Sdk.Tests.ProjectRules;

public class ConfigXmlTests
{
    [Fact]
    public void Elements_carry_attributes_by_local_name_and_their_position()
    {
        var xml = ConfigXml.Parse("""
            <nlog xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
              <targets>
                <target xsi:type="File" name="f" fileName="app.log" />
              </targets>
            </nlog>
            """);

        Assert.Null(xml.Problem);
        var target = Assert.Single(xml.Elements("target"));
        Assert.Equal(("File", "f", 3, 5), (target.Attribute("type"), target.Attribute("name"), target.Line, target.Column));
    }

    [Fact]
    public void A_malformed_file_is_read_tag_by_tag_without_its_comments()
    {
        var xml = ConfigXml.Parse("""
            <nlog>
              <!-- <target type="File" name="old" /> -->
              <targets>
                <target type="File" name="live"
                        fileName="app.log" />
              <oops
            </nlog>
            """);

        Assert.NotNull(xml.Problem);
        var target = Assert.Single(xml.Elements("target"));
        Assert.Equal(("live", 4, 5), (target.Attribute("name"), target.Line, target.Column));
    }
}
