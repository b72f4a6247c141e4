using TwelveFactor.Sdk.Release;

namespace TwelveFactor.Sdk.Tests.Containers;

public class ReleaseIdTests
{
    [Fact]
    public void Default_is_version_and_short_commit()
    {
        Assert.Equal("1.2.0-3f2a9c1", ReleaseId.Default("1.2.0", "3f2a9c1d0e5b6a7c8d9e0f1a2b3c4d5e6f7a8b9c", dirty: false));
    }

    [Fact]
    public void Dirty_tree_is_marked()
    {
        Assert.Equal("1.2.0-3f2a9c1-dirty", ReleaseId.Default("1.2.0", "3f2a9c1d0e5b", dirty: true));
    }

    [Fact]
    public void Without_commit_the_version_alone()
    {
        Assert.Equal("1.2.0", ReleaseId.Default("1.2.0", null, dirty: false));
    }

    [Theory]
    [InlineData("1.2.0+build.5", "1.2.0-build.5")]
    [InlineData("ci/build 42", "ci-build-42")]
    [InlineData("-.leading", "leading")]
    public void Ids_become_valid_tags(string text, string expected)
    {
        var tag = ReleaseId.ToTag(text);
        Assert.Equal(expected, tag);
        Assert.True(ReleaseId.IsValidTag(tag));
    }

    [Fact]
    public void Tags_are_at_most_128_characters()
    {
        var tag = ReleaseId.ToTag(new string('a', 300));
        Assert.Equal(ReleaseId.MaxTagLength, tag.Length);
    }
}
