using TwelveFactor.Sdk.Containers;

namespace TwelveFactor.Sdk.Tests.Containers;

public class ServiceDockerfilesTests
{
    [Theory]
    [InlineData("Dockerfile", true)]
    [InlineData("dockerfile", true)]
    [InlineData("Dockerfile.prod", true)]
    [InlineData("Dockerfile-api", true)]
    [InlineData("Dockerfile_DatabaseMigrator", true)]
    [InlineData("api.Dockerfile", true)]
    [InlineData("Containerfile", true)]
    [InlineData("Dockerfile.md", false)]
    [InlineData(".dockerignore", false)]
    [InlineData("DockerfileSolutionRestore.txt", false)]
    [InlineData("Create-DockerfileSolutionRestore.ps1", false)]
    public void Recognises_dockerfile_names(string name, bool expected)
    {
        Assert.Equal(expected, ServiceDockerfiles.IsDockerfileName(name));
    }

    [Theory]
    [InlineData("RUN dotnet publish \"Basket.API.csproj\" -c Release -o /app/publish", true)]
    [InlineData("RUN dotnet publish -c Release -o /app --no-restore ./Sample.Api/Basket.API.csproj", true)]
    [InlineData("RUN dotnet restore && dotnet build src/Basket.API/Basket.API.csproj", true)]
    [InlineData("RUN dotnet publish \"Catalog.API.csproj\" -c Release", false)]
    [InlineData("COPY [\"src/Basket.API/Basket.API.csproj\", \"src/Basket.API/\"]\nRUN dotnet restore \"Basket.API.csproj\"", false)]
    [InlineData("RUN dotnet publish \"MyBasket.API.csproj\"", false)]
    public void A_dockerfile_builds_the_project_its_dotnet_publish_or_build_names(string instructions, bool expected)
    {
        Assert.Equal(expected, ServiceDockerfiles.Builds("FROM sdk AS build\n" + instructions + "\n", "/repo/src/Basket.API/Basket.API.csproj"));
    }

    [Fact]
    public void Every_dockerfile_beside_the_project_and_those_above_it_that_build_it_are_selected_once()
    {
        var texts = new Dictionary<string, string>
        {
            ["/repo/src/Api/Dockerfile"] = "FROM a\n",
            ["/repo/src/Api/Dockerfile.prod"] = "FROM a\n",
            ["/repo/src/Api/README.md"] = "not a Dockerfile",
            ["/repo/src/Dockerfile-api"] = "FROM sdk\nRUN dotnet publish ./Api/Api.csproj\n",
            ["/repo/src/Dockerfile-worker"] = "FROM sdk\nRUN dotnet publish ./Worker/Worker.csproj\n",
            ["/repo/Dockerfile"] = "FROM sdk\nRUN dotnet publish src/Api/Api.csproj\n",
        };

        var selected = ServiceDockerfiles.Select("/repo/src/Api/Api.csproj", null, texts.Keys.Append("/repo/src/Api/Dockerfile"), f => texts[f]);

        Assert.Equal(new[] { "/repo/Dockerfile", "/repo/src/Api/Dockerfile", "/repo/src/Api/Dockerfile.prod", "/repo/src/Dockerfile-api" }, selected);
    }
}
