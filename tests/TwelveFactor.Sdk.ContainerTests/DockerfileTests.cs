namespace TwelveFactor.Sdk.ContainerTests;

/// <summary>A Dockerfile kept beside the service is checked on every build; no container tools needed.</summary>
public class DockerfileTests
{
    [Fact]
    public void Dockerfile_findings_name_the_line_and_leave_the_secret_out()
    {
        using var ws = Workspace.Create("dockerfile");
        ws.WriteProject("Svc", "web");
        ws.WriteFile("Svc/Dockerfile", """
            FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
            WORKDIR /src
            COPY . .
            RUN dotnet publish -c Release -o /app
            FROM mcr.microsoft.com/dotnet/aspnet:10.0@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
            ENV DB_PASSWORD=hunter2
            COPY --from=build /app /app
            ENTRYPOINT ["dotnet", "/app/Svc.dll"]
            """);

        var result = ws.Build("Svc");

        Assert.False(result.Succeeded, result.ToString());
        var unpinned = Assert.Single(result.WithCode("TF0204"));
        Assert.Equal(("Dockerfile", 1, "warning"), (unpinned.FileName, unpinned.Line, unpinned.Severity));
        var secret = Assert.Single(result.WithCode("TF0303"));
        Assert.Equal(("Dockerfile", 6, "error"), (secret.FileName, secret.Line, secret.Severity));
        Assert.Contains("ENV DB_PASSWORD", secret.Message);
        Assert.DoesNotContain("hunter2", result.Output);
        var root = Assert.Single(result.WithCode("TF0901"));
        Assert.Equal(("Dockerfile", 5), (root.FileName, root.Line));

        ws.WriteFile("Svc/Dockerfile", """
            FROM mcr.microsoft.com/dotnet/aspnet:10.0@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
            COPY bin/Release/net10.0/publish/ /app
            USER app
            """);
        var fixedBuild = ws.Build("Svc");
        Assert.True(fixedBuild.Succeeded, fixedBuild.ToString());
        Assert.Empty(fixedBuild.Findings);
    }
}
