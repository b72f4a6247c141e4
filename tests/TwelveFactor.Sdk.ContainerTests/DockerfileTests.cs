namespace TwelveFactor.Sdk.ContainerTests;

/// <summary>Every Dockerfile that builds the service is checked on every build; no container tools needed.</summary>
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

        ws.WriteFile("Svc/Dockerfile", SampleCode.CleanDockerfile);
        var fixedBuild = ws.Build("Svc");
        Assert.True(fixedBuild.Succeeded, fixedBuild.ToString());
        Assert.Empty(fixedBuild.Findings);
    }

    [Fact]
    public void Dockerfiles_that_build_the_service_elsewhere_are_checked_and_another_services_are_not()
    {
        using var ws = Workspace.Create("dockerfiles");
        ws.WriteProject("src/Api", "web");
        ws.WriteProject("src/Worker", "worker", properties: "<DockerfileFile>../../deploy/worker.Dockerfile</DockerfileFile>");
        const string Pinned = "mcr.microsoft.com/dotnet/aspnet:10.0@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
        ws.WriteFile("src/Dockerfile-api", $"""
            FROM {Pinned} AS build
            RUN dotnet publish ./Api/Api.csproj -o /app
            FROM {Pinned}
            COPY --from=build /app /app
            """);
        ws.WriteFile("src/Dockerfile-worker", $"""
            FROM {Pinned} AS build
            RUN dotnet publish ./Worker/Worker.csproj -o /app
            FROM {Pinned}
            USER app
            """);
        ws.WriteFile("deploy/worker.Dockerfile", $"""
            FROM {Pinned}
            LABEL org.opencontainers.image.revision=abc
            """);

        var api = ws.Build("src/Api");

        Assert.Equal(new[] { "Dockerfile-api(3,1): TF0505", "Dockerfile-api(3,1): TF0901" },
            api.Findings.Select(f => $"{f.FileName}({f.Line},{f.Column}): {f.Code}").OrderBy(f => f, StringComparer.Ordinal));

        var worker = ws.Build("src/Worker");

        // The Dockerfile the project names is checked although it sits outside the folders above the project.
        Assert.Equal(new[] { "Dockerfile-worker(3,1): TF0505", "worker.Dockerfile(1,1): TF0901" },
            worker.Findings.Select(f => $"{f.FileName}({f.Line},{f.Column}): {f.Code}").OrderBy(f => f, StringComparer.Ordinal));
    }

    [Fact]
    public void No_folder_outside_the_repository_is_searched_for_Dockerfiles()
    {
        // repo/ is the repository; the workspace folder above it holds Dockerfiles the check would never keep.
        using var ws = Workspace.Create("dockerfile-scope", gitRepository: false);
        ws.WriteProject("repo/src/Svc", "web");
        ws.WriteProject("loose/Svc", "web");
        foreach (var folder in new[] { "", "repo/", "repo/src/", "repo/src/Svc/", "loose/", "loose/Svc/" })
        {
            ws.WriteFile(folder + "Dockerfile", "FROM scratch\n");
        }
        var init = ProcessRunner.Run("git", new[] { "init", "-q" }, ws.PathOf("repo"));
        Assert.True(init.ExitCode == 0, init.Output);

        Assert.Equal(new[] { "repo/Dockerfile", "repo/src/Dockerfile", "repo/src/Svc/Dockerfile" }, DockerfileCandidates(ws, "repo/src/Svc"));
        // Outside a repository, only the project's own folder.
        Assert.Equal(new[] { "loose/Svc/Dockerfile" }, DockerfileCandidates(ws, "loose/Svc"));
    }

    private static string[] DockerfileCandidates(Workspace ws, string project)
    {
        var result = ws.Dotnet(project, "msbuild", "-restore", "-nologo", "-t:_TwelveFactorDockerfileInputs", "-getItem:_TwelveFactorDockerfileCandidate");
        Assert.True(result.Succeeded, result.Output);
        var json = result.Output[result.Output.IndexOf('{')..];
        using var document = System.Text.Json.JsonDocument.Parse(json);
        return document.RootElement.GetProperty("Items").GetProperty("_TwelveFactorDockerfileCandidate").EnumerateArray()
            .Select(item => Path.GetRelativePath(ws.Root, item.GetProperty("FullPath").GetString()!).Replace(Path.DirectorySeparatorChar, '/'))
            .OrderBy(path => path, StringComparer.Ordinal)
            .ToArray();
    }
}
