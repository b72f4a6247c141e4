using TwelveFactor.Sdk.Config;

namespace TwelveFactor.Sdk.Tests.Config;

public class LenientJsonTests
{
    [Fact]
    public void Reads_key_paths_and_positions_with_comments_and_trailing_commas()
    {
        var text = "{\n  // a comment\n  \"Db\": { /* inline */ \"Host\": \"db\", \"Port\": 5432, },\n  \"Urls\": [\"a\", \"b\",],\n}\n";

        var values = LenientJson.Read(text, out var error);

        Assert.Null(error);
        Assert.Equal(new[] { "Db:Host", "Db:Port", "Urls:0", "Urls:1" }, values.Select(v => v.KeyPath));
        var host = values[0];
        Assert.Equal(("db", 3, 33), (host.Text, host.Line, host.Column));
        Assert.Equal("5432", values[1].Text);
    }

    [Fact]
    public void Maps_columns_through_escapes()
    {
        var text = "{ \"K\": \"a\\\"b\\u0041c\" }";

        var value = Assert.Single(LenientJson.Read(text, out _));

        Assert.Equal("a\"bAc", value.Text);
        Assert.Equal(9, value.Column);
        // 'c' comes after \" (2 columns) and \u0041 (6 columns).
        Assert.Equal(9 + 1 + 2 + 1 + 6, value.ColumnOf(4));
    }

    [Theory]
    [InlineData("{ \"a\": 1 \"b\": 2 }", 1, 10, "expected ',' or '}'")]
    [InlineData("{\n  \"a\": \"open\n}", 2, 8, "unterminated string")]
    [InlineData("{ \"a\": tru }", 1, 8, "invalid value 'tru'")]
    [InlineData("{ \"a\": 1 } x", 1, 12, "unexpected text after the end of the document")]
    [InlineData("{ \"a\": [1, 2 }", 1, 14, "expected ',' or ']'")]
    public void Reports_the_first_syntax_error_with_its_position(string text, int line, int column, string message)
    {
        var values = LenientJson.Read(text, out var error);

        Assert.Empty(values);
        Assert.Equal(new JsonSyntaxError(line, column, message), error);
    }

    [Fact]
    public void An_empty_file_or_a_byte_order_mark_is_fine()
    {
        Assert.Empty(LenientJson.Read("", out var empty));
        Assert.Null(empty);
        Assert.Single(LenientJson.Read("\uFEFF{\"a\":\"b\"}", out var bom));
        Assert.Null(bom);
    }
}
