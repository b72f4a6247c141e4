using TwelveFactor.Sdk.Catalog;
using TwelveFactor.Sdk.Containers;
using TwelveFactor.Sdk.Reading;

namespace TwelveFactor.Sdk.Tests.Containers;

public class ContainerReleaseRuleTests
{
    private static readonly ContainerRelease Clean = new("/src/shop/shop.csproj", "1.2.0-3f2a9c1", null, Array.Empty<string>(), false,
        "registry.example/dotnet/aspnet:10.0@sha256:abcd", true, "", "registry.example", "acme/shop", true);

    private static TagLookup Absent(string registry, string repository, string tag) => new(TagState.Absent, "");

    [Fact]
    public void Clean_release_has_no_findings()
    {
        Assert.Empty(ContainerReleaseRule.Check(Clean, Absent));
    }

    [Fact]
    public void Missing_revision_is_TF0501()
    {
        var finding = Assert.Single(ContainerReleaseRule.Check(Clean with { RevisionProblem = "a folder that is not a git checkout" }, Absent));
        Assert.Equal(RuleIds.UnversionedRelease, finding.RuleId);
        Assert.Equal("a folder that is not a git checkout", finding.Arguments[0]);
    }

    [Fact]
    public void Dirty_tree_is_TF0501_unless_allowed()
    {
        var dirty = Clean with { ChangedFiles = new[] { "a.cs", "b.cs", "c.cs", "d.cs", "e.cs", "f.cs" } };
        var finding = Assert.Single(ContainerReleaseRule.Check(dirty, Absent));
        Assert.Equal(RuleIds.UnversionedRelease, finding.RuleId);
        Assert.Contains("6 uncommitted change(s): a.cs, b.cs, c.cs, d.cs, e.cs, ...", finding.Arguments[0]);
        Assert.Empty(ContainerReleaseRule.Check(dirty with { AllowDirty = true }, Absent));
    }

    [Fact]
    public void Unpinned_or_inferred_base_image_is_TF0204()
    {
        var finding = Assert.Single(ContainerReleaseRule.Check(Clean with { BaseImage = "mcr.microsoft.com/dotnet/aspnet:10.0", BaseImageSetByProject = false }, Absent));
        Assert.Equal(RuleIds.UnpinnedBaseImage, finding.RuleId);
        Assert.Equal(new[] { "mcr.microsoft.com/dotnet/aspnet:10.0", "mcr.microsoft.com/dotnet/aspnet:10.0@sha256:<digest>" }, finding.Arguments);
    }

    [Theory]
    [InlineData("root", true)]
    [InlineData("0", true)]
    [InlineData("0:0", true)]
    [InlineData("root:app", true)]
    [InlineData("app", false)]
    [InlineData("1654", false)]
    [InlineData("", false)]
    public void Root_container_user_is_TF0901(string user, bool reported)
    {
        var findings = ContainerReleaseRule.Check(Clean with { ContainerUser = user }, Absent);
        Assert.Equal(reported, findings.Any(f => f.RuleId == RuleIds.RunsAsRoot));
    }

    [Fact]
    public void Existing_release_tag_is_TF0503()
    {
        var asked = new List<string>();
        var finding = Assert.Single(ContainerReleaseRule.Check(Clean, (registry, repository, tag) =>
        {
            asked.Add($"{registry}/{repository}:{tag}");
            return new TagLookup(TagState.Exists, "");
        }));
        Assert.Equal(RuleIds.ReleaseExists, finding.RuleId);
        Assert.Equal(new[] { "registry.example/acme/shop", "1.2.0-3f2a9c1" }, finding.Arguments);
        Assert.Equal(new[] { "registry.example/acme/shop:1.2.0-3f2a9c1" }, asked);
    }

    [Fact]
    public void Registry_is_not_asked_when_nothing_is_pushed_or_it_cannot_answer()
    {
        Assert.Empty(ContainerReleaseRule.Check(Clean with { PushesToRegistry = false }, (_, _, _) => throw new InvalidOperationException("asked")));
        Assert.Empty(ContainerReleaseRule.Check(Clean, (_, _, _) => new TagLookup(TagState.Unknown, "401")));
    }
}
