using TwelveFactor.Sdk.Reading;

namespace TwelveFactor.Sdk.Tests.Containers;

public class ImageReferenceTests
{
    [Theory]
    [InlineData("mcr.microsoft.com/dotnet/aspnet:10.0", "mcr.microsoft.com", "dotnet/aspnet", "10.0", null)]
    [InlineData("127.0.0.1:5000/dotnet/aspnet:10.0@sha256:abc", "127.0.0.1:5000", "dotnet/aspnet", "10.0", "sha256:abc")]
    [InlineData("localhost/app", "localhost", "app", null, null)]
    [InlineData("ubuntu:24.04", "docker.io", "ubuntu", "24.04", null)]
    [InlineData("library/ubuntu@sha256:abc", "docker.io", "library/ubuntu", null, "sha256:abc")]
    public void Parses_registry_repository_tag_and_digest(string text, string registry, string repository, string? tag, string? digest)
    {
        Assert.True(ImageReference.TryParse(text, out var reference));
        Assert.Equal(registry, reference.Registry);
        Assert.Equal(repository, reference.Repository);
        Assert.Equal(tag, reference.Tag);
        Assert.Equal(digest, reference.Digest);
        Assert.Equal(digest is not null, reference.IsPinned);
    }

    [Fact]
    public void Pinned_form_keeps_the_name_as_written()
    {
        Assert.True(ImageReference.TryParse("ubuntu:24.04", out var hub));
        Assert.Equal("ubuntu:24.04@sha256:<digest>", hub.PinnedForm());
        Assert.True(ImageReference.TryParse("mcr.microsoft.com/dotnet/aspnet:10.0", out var mcr));
        Assert.Equal("mcr.microsoft.com/dotnet/aspnet:10.0@sha256:1234", mcr.PinnedForm("sha256:1234"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space:1")]
    [InlineData(":tag")]
    public void Rejects_what_is_not_a_reference(string text)
    {
        Assert.False(ImageReference.TryParse(text, out _));
    }
}
