using TwelveFactor.Sdk.Release;

namespace TwelveFactor.Sdk.Tests.Containers;

public class ReleaseLabelsTests
{
    private static readonly ReleaseFacts Facts = new("1.2.0-3f2a9c1", "Web", "3f2a9c1d0e5b", "https://github.com/acme/shop.git", "1.2.0", "Shop",
        DateTimeOffset.FromUnixTimeSeconds(1_700_000_000));

    [Fact]
    public void Every_release_label_is_written()
    {
        var labels = ReleaseLabels.For(Facts).ToDictionary(l => l.Key, l => l.Value);
        Assert.Equal("3f2a9c1d0e5b", labels["org.opencontainers.image.revision"]);
        Assert.Equal("https://github.com/acme/shop", labels["org.opencontainers.image.source"]);
        Assert.Equal("1.2.0", labels["org.opencontainers.image.version"]);
        Assert.Equal("2023-11-14T22:13:20Z", labels["org.opencontainers.image.created"]);
        Assert.Equal("2023-11-14T22:13:20Z", labels["org.opencontainers.artifact.created"]);
        Assert.Equal("Shop", labels["org.opencontainers.image.title"]);
        Assert.Equal("1.2.0-3f2a9c1", labels["io.twelvefactor.release"]);
        Assert.Equal("web", labels["io.twelvefactor.process-type"]);
    }

    [Fact]
    public void Unknown_facts_leave_their_label_out()
    {
        var labels = ReleaseLabels.For(Facts with { Revision = "", Source = "", Created = null }).Select(l => l.Key).ToList();
        Assert.DoesNotContain("org.opencontainers.image.revision", labels);
        Assert.DoesNotContain("org.opencontainers.image.source", labels);
        Assert.DoesNotContain("org.opencontainers.image.created", labels);
    }

    [Fact]
    public void Source_date_epoch_wins_over_the_commit_time()
    {
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(42), ReleaseLabels.CreatedTime("42", 1_700_000_000));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000), ReleaseLabels.CreatedTime("", 1_700_000_000));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000), ReleaseLabels.CreatedTime("not a number", 1_700_000_000));
        Assert.Null(ReleaseLabels.CreatedTime(null, null));
    }

    [Theory]
    [InlineData("https://github.com/acme/shop.git", "https://github.com/acme/shop")]
    [InlineData("https://github.com/acme/shop", "https://github.com/acme/shop")]
    [InlineData("git@github.com:acme/shop.git", "https://github.com/acme/shop")]
    [InlineData("ssh://git@github.com/acme/shop.git", "https://github.com/acme/shop")]
    [InlineData("https://user:s3cr3t@dev.example.com/acme/shop.git/", "https://dev.example.com/acme/shop")]
    [InlineData("http://git.local:8080/acme/shop", "http://git.local:8080/acme/shop")]
    [InlineData("", "")]
    [InlineData("https://u:p@w@git.example.com/acme/shop", "https://git.example.com/acme/shop")]
    [InlineData("ftp://u:p@git.example.com/acme/shop", "ftp://git.example.com/acme/shop")]
    [InlineData("https://u:p@git.example.com:99999/acme/shop", "https://git.example.com:99999/acme/shop")]
    [InlineData("u:p@w@git.example.com:acme/shop.git", "https://git.example.com/acme/shop")]
    public void Source_urls_are_browsable_without_git_suffix_or_credentials(string remote, string expected)
    {
        Assert.Equal(expected, SourceUrl.Normalize(remote));
    }
}
