using TwelveFactor.Sdk.Fixing;
using TwelveFactor.Sdk.Policy;
using TwelveFactor.Sdk.Reading;

namespace TwelveFactor.Sdk.Tests.Fixing;

/// <summary>TF0901 and TF0204 in the project: a non-root ContainerUser, and the base image pinned by the digest its registry serves.</summary>
public class ContainerFixTests
{
    private const string ProjectFile = "/repo/Shop/Shop.csproj";

    private const string Digest = "sha256:4f53cda18c2baa0c0354bb5f9a3ecbe5ed12ab4d8e11ba873c2f11161202b945";

    private const string Project =
        "<Project Sdk=\"TwelveFactor.Sdk/0.1.0\">\r\n" +
        "  <PropertyGroup>\r\n" +
        "    <ContainerBaseImage>registry.example/dotnet/aspnet:10.0</ContainerBaseImage> <!-- ours -->\r\n" +
        "    <ContainerUser> root </ContainerUser>\r\n" +
        "  </PropertyGroup>\r\n" +
        "</Project>\r\n";

    private static Finding At(string ruleId, int line, string key) => new(ruleId, ProjectFile, line, 5, Array.Empty<string>(), key);

    private static FixResult Plan(Func<ImageReference, TagLookup> lookup, params Finding[] findings) =>
        BuildFileFixer.Plan(findings, new FixContext(new Dictionary<string, string>(), ProjectFile, lookupImage: lookup), path => path == ProjectFile ? Project : null);

    [Fact]
    public void Root_becomes_the_images_non_root_user_and_the_tag_gets_its_digest()
    {
        var asked = new List<string>();
        var result = Plan(image =>
        {
            asked.Add(image.Registry + "|" + image.Repository + "|" + image.Tag);
            return new TagLookup(TagState.Exists, "https://registry.example/v2/dotnet/aspnet/manifests/10.0") { Digest = Digest };
        }, At("TF0204", 3, "ContainerBaseImage"), At("TF0901", 4, "ContainerUser"));

        Assert.Equal(Project.Replace("aspnet:10.0<", "aspnet:10.0@" + Digest + "<").Replace("> root <", "> app <"), Assert.Single(result.Files).After);
        Assert.Equal(new[] { "registry.example|dotnet/aspnet|10.0" }, asked);
        Assert.Empty(result.ForPeople);
    }

    [Fact]
    public void An_unreachable_registry_leaves_the_image_for_a_person_saying_how()
    {
        var result = Plan(_ => new TagLookup(TagState.Unknown, "https://registry.example: Name or service not known"), At("TF0204", 3, "ContainerBaseImage"));

        Assert.Empty(result.Files);
        Assert.Equal(
            "the registry did not give the digest of registry.example/dotnet/aspnet:10.0 (https://registry.example: Name or service not known): " +
            "get it with 'skopeo inspect --format {{.Digest}} docker://registry.example/dotnet/aspnet:10.0' or " +
            "'docker buildx imagetools inspect registry.example/dotnet/aspnet:10.0' and write registry.example/dotnet/aspnet:10.0@sha256:<digest>",
            Assert.Single(result.ForPeople).Why);
    }

    [Fact]
    public void A_Dockerfile_user_or_image_needs_a_person()
    {
        var result = Plan(_ => throw new InvalidOperationException("no registry is asked for a Dockerfile"),
            new Finding("TF0901", "/repo/Shop/Dockerfile", 1, 1, Array.Empty<string>(), "USER"),
            new Finding("TF0204", "/repo/Shop/Dockerfile", 1, 1, Array.Empty<string>(), "FROM|mcr.microsoft.com/dotnet/aspnet:10.0"));

        Assert.Empty(result.Files);
        Assert.Equal(2, result.ForPeople.Count);
    }
}
