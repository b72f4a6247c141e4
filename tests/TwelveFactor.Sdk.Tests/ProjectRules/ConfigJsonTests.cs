using TwelveFactor.Sdk.Reading;

namespace TwelveFactor.Sdk.Tests.ProjectRules;

public class ConfigJsonTests
{
    [Fact]
    public void Values_come_with_configuration_key_paths_lines_and_columns()
    {
        var json = ConfigJson.Parse("""
            {
              // a comment
              "ConnectionStrings": { "Db": "Host=db" },
              "Serilog": { "WriteTo": [ { "Name": "Console" }, { "Name": "File", "Args": { "path": "x.log" } } ] },
              "Flag": true, "Port": 8080, "Nothing": null,
            }
            """);

        Assert.Null(json.Problem);
        var entries = json.Entries.ToDictionary(e => e.Path);
        Assert.Equal(("Host=db", 3, 32), (entries["ConnectionStrings:Db"].Value, entries["ConnectionStrings:Db"].Line, entries["ConnectionStrings:Db"].Column));
        Assert.Equal("Console", entries["Serilog:WriteTo:0:Name"].Value);
        Assert.Equal("File", entries["Serilog:WriteTo:1:Name"].Value);
        Assert.Equal("x.log", entries["Serilog:WriteTo:1:Args:path"].Value);
        Assert.True(entries["Flag"].IsTrue);
        Assert.Equal((ConfigValueKind.Number, "8080"), (entries["Port"].Kind, entries["Port"].Value));
        Assert.Equal(ConfigValueKind.Null, entries["Nothing"].Kind);
        Assert.Equal("Db", entries["ConnectionStrings:Db"].Key);
    }

    [Fact]
    public void Columns_count_characters_not_bytes_and_a_byte_order_mark_is_skipped()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(System.Text.Encoding.UTF8.GetBytes("{ \"Grüße\": \"ö\", \"B\": \"x\" }")).ToArray();
        var json = ConfigJson.Parse(bytes);

        Assert.Null(json.Problem);
        Assert.Equal(12, json.Entries[0].Column);
        Assert.Equal(22, json.Entries[1].Column);
    }

    [Fact]
    public void Nested_arrays_and_objects_in_arrays_are_numbered()
    {
        var json = ConfigJson.Parse("""{ "A": [ [ "x", "y" ], { "B": [ 1, 2 ] } ] }""");

        Assert.Equal(new[] { "A:0:0", "A:0:1", "A:1:B:0", "A:1:B:1" }, json.Entries.Select(e => e.Path));
    }

    [Fact]
    public void A_malformed_file_names_its_position_and_is_still_read()
    {
        var json = ConfigJson.Parse("""
            {
              "ConnectionStrings": {
                "Db": "Host=db.internal"
                "Other": "Host=other"
              },
              "Urls": "http://0.0.0.0:80" oops
            }
            """);

        Assert.NotNull(json.Problem);
        Assert.Equal(4, json.Problem!.Line);
        var entries = json.Entries.Where(e => e.Kind == ConfigValueKind.String).ToDictionary(e => e.Path, e => (e.Value, e.Line));
        Assert.Equal(("Host=db.internal", 3), entries["ConnectionStrings:Db"]);
        Assert.Equal(("Host=other", 4), entries["ConnectionStrings:Other"]);
        Assert.Equal(("http://0.0.0.0:80", 6), entries["Urls"]);
    }

    [Fact]
    public void A_file_cut_short_keeps_what_it_has()
    {
        var json = ConfigJson.Parse("{ \"A\": { \"B\": \"value\", /* unterminated");

        Assert.NotNull(json.Problem);
        Assert.Equal("A:B", Assert.Single(json.Entries).Path);
    }

    [Theory]
    [InlineData("Kestrel:Endpoints:Http:Url", "Kestrel:Endpoints:*:Url", true)]
    [InlineData("kestrel:endpoints:http:url", "Kestrel:Endpoints:*:Url", true)]
    [InlineData("Kestrel:Endpoints:Http:Certificate:Url", "Kestrel:Endpoints:*:Url", false)]
    [InlineData("urls", "urls", true)]
    public void Path_patterns_match_one_segment_per_star(string path, string pattern, bool matches) =>
        Assert.Equal(matches, new ConfigEntry(path, "", ConfigValueKind.String, 1, 1).PathMatches(pattern));
}
