using TwelveFactor.Sdk.Catalog;
using TwelveFactor.Sdk.Containers;
using TwelveFactor.Sdk.Reading;

namespace TwelveFactor.Sdk.Tests.Containers;

public class DockerfileTests
{
    [Fact]
    public void Parses_instructions_with_continuations_comments_and_stages()
    {
        var instructions = Dockerfile.Parse("""
            # syntax=docker/dockerfile:1
            ARG BASE=mcr.microsoft.com/dotnet/aspnet:10.0
            FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
            RUN dotnet publish \
            # a comment inside
                -c Release
              from build AS final
            USER app
            """);
        Assert.Equal(new[] { "ARG", "FROM", "RUN", "FROM", "USER" }, instructions.Select(i => i.Keyword));
        Assert.Equal("dotnet publish -c Release", instructions[2].Arguments);
        Assert.Equal((7, 3, 1), (instructions[3].Line, instructions[3].Column, instructions[3].Stage));
        Assert.Equal(0, instructions[2].Stage);
    }

    [Fact]
    public void Escape_directive_changes_the_continuation_character()
    {
        var instructions = Dockerfile.Parse("# escape=`\nFROM scratch\nCOPY a `\n  b\n");
        Assert.Equal("a b", instructions[1].Arguments);
    }

    [Fact]
    public void Reads_assignments_in_both_env_forms()
    {
        var modern = Dockerfile.Assignments(new DockerfileInstruction("ENV", "A=1 B=\"two words\"", 1, 1, 0));
        Assert.Equal(new[] { ("A", "1"), ("B", "two words") }, modern.Select(p => (p.Key, p.Value!)));
        var legacy = Dockerfile.Assignments(new DockerfileInstruction("ENV", "A two words", 1, 1, 0));
        Assert.Equal(("A", "two words"), (legacy[0].Key, legacy[0].Value!));
        var arg = Dockerfile.Assignments(new DockerfileInstruction("ARG", "VERSION", 1, 1, 0));
        Assert.Null(arg[0].Value);
    }

    [Fact]
    public void Clean_dockerfile_has_no_findings()
    {
        var findings = DockerfileRule.Check("/src/Dockerfile", """
            FROM mcr.microsoft.com/dotnet/sdk:10.0@sha256:aaaa AS build
            RUN dotnet publish -o /out
            FROM mcr.microsoft.com/dotnet/aspnet:10.0@sha256:bbbb
            ARG REVISION
            LABEL org.opencontainers.image.revision=$REVISION
            ENV DB_PASSWORD_FILE=/run/secrets/db API_TOKEN=$API_TOKEN
            COPY --from=build /out /app
            USER app
            """);
        Assert.Empty(findings);
    }

    [Fact]
    public void Unpinned_from_is_reported_at_its_line_with_the_pinned_form()
    {
        var findings = DockerfileRule.Check("/src/Dockerfile", """
            ARG TAG=10.0
            FROM mcr.microsoft.com/dotnet/sdk:${TAG} AS build
            FROM build AS test
            FROM scratch
            FROM --platform=linux/amd64 mcr.microsoft.com/dotnet/aspnet:10.0
            USER 1654
            """).ToList();
        var unpinned = findings.Where(f => f.RuleId == RuleIds.UnpinnedBaseImage).ToList();
        Assert.Equal(new[] { 2, 5 }, unpinned.Select(f => f.Line));
        Assert.Equal("mcr.microsoft.com/dotnet/sdk:10.0", unpinned[0].Arguments[0]);
        Assert.Equal("mcr.microsoft.com/dotnet/aspnet:10.0@sha256:<digest>", unpinned[1].Arguments[1]);
        Assert.DoesNotContain(findings, f => f.RuleId == RuleIds.RunsAsRoot);
    }

    [Theory]
    [InlineData("ARG BASE\nFROM ${BASE:-mcr.microsoft.com/dotnet/aspnet:10.0}\nUSER app\n", "mcr.microsoft.com/dotnet/aspnet:10.0")]
    [InlineData("ARG BASE=mcr.microsoft.com/dotnet/runtime:10.0\nFROM ${BASE:-mcr.microsoft.com/dotnet/aspnet:10.0}\nUSER app\n", "mcr.microsoft.com/dotnet/runtime:10.0")]
    [InlineData("ARG TAG=10.0\nARG TAG_SUFFIX=-noble\nFROM mcr.microsoft.com/dotnet/aspnet:$TAG$TAG_SUFFIX\nUSER app\n", "mcr.microsoft.com/dotnet/aspnet:10.0-noble")]
    [InlineData("ARG TAG_SUFFIX=-noble\nARG TAG=10.0\nFROM mcr.microsoft.com/dotnet/aspnet:${TAG}${TAG_SUFFIX}\nUSER app\n", "mcr.microsoft.com/dotnet/aspnet:10.0-noble")]
    public void Arguments_in_FROM_are_expanded_as_Docker_expands_them(string text, string image)
    {
        var finding = Assert.Single(DockerfileRule.Check("/src/Dockerfile", text), f => f.RuleId == RuleIds.UnpinnedBaseImage);
        Assert.Equal(image, finding.Arguments[0]);
    }

    [Fact]
    public void Heredoc_bodies_are_data_not_instructions()
    {
        var findings = DockerfileRule.Check("/src/Dockerfile", """
            FROM x@sha256:a
            COPY <<EOF /app/readme.txt
            FROM ubuntu:latest
            USER root
            EOF
            RUN <<-"SCRIPT" bash
            	echo FROM debian
            	SCRIPT
            LABEL org.opencontainers.image.revision=abc
            USER app
            """);
        Assert.Empty(findings);
    }

    [Fact]
    public void An_escape_directive_after_a_comment_is_a_comment_as_Docker_reads_it()
    {
        // With the backtick honoured, the RUN line would run on into the FROM line and hide it.
        var findings = DockerfileRule.Check("/src/Dockerfile", "# a comment\n# escape=`\nFROM x@sha256:a\nRUN echo `\nFROM ubuntu:22.04\nUSER app\n");
        var unpinned = Assert.Single(findings, f => f.RuleId == RuleIds.UnpinnedBaseImage);
        Assert.Equal(5, unpinned.Line);
    }

    [Theory]
    [InlineData("FROM x@sha256:a\nRUN true\n", 1)]
    [InlineData("FROM x@sha256:a\nUSER app\nUSER root\n", 3)]
    [InlineData("FROM x@sha256:a\nUSER 0:0\n", 2)]
    public void Final_stage_running_as_root_is_reported(string text, int line)
    {
        var finding = Assert.Single(DockerfileRule.Check("/src/Dockerfile", text), f => f.RuleId == RuleIds.RunsAsRoot);
        Assert.Equal(line, finding.Line);
    }

    [Fact]
    public void Final_stage_inherits_the_user_of_its_parent_stage()
    {
        var findings = DockerfileRule.Check("/src/Dockerfile", "FROM x@sha256:a AS base\nUSER app\nFROM base\nCOPY . /app\n");
        Assert.DoesNotContain(findings, f => f.RuleId == RuleIds.RunsAsRoot);
    }

    [Theory]
    [InlineData("ENV TOKEN_LIFETIME=3600")]
    [InlineData("ENV PASSWORD_MIN_LENGTH=12")]
    [InlineData("ENV SECRET_NAME=db-password")]
    [InlineData("ENV API_KEY_HEADER=X-Api-Key")]
    [InlineData("ENV ConnectionStrings__Db=\"Server=db;Integrated Security=true;Database=app\"")]
    [InlineData("ARG DB_PASSWORD=${{ secrets.DB_PASSWORD }}")]
    [InlineData("ENV DB_PASSWORD_FILE=/run/secrets/db")]
    public void Names_that_only_speak_of_a_secret_are_not_secrets(string instruction)
    {
        var findings = DockerfileRule.Check("/src/Dockerfile", "FROM x@sha256:a\n" + instruction + "\nUSER app\n");
        Assert.DoesNotContain(findings, f => f.RuleId == RuleIds.Secret);
    }

    [Fact]
    public void Secrets_in_env_and_arg_are_reported_without_their_value()
    {
        var findings = DockerfileRule.Check("/src/Dockerfile", """
            FROM x@sha256:a
            ARG NUGET_API_KEY=oy2abcdefghijklmnopqrstuvwxyz0123456789abcdefg
            ENV ConnectionStrings__Db="Server=db;Password=hunter2" LOG_LEVEL=info
            ENV DB_PASSWORD hunter2
            USER app
            """).Where(f => f.RuleId == RuleIds.Secret).ToList();
        Assert.Equal(new[] { 2, 3, 4 }, findings.Select(f => f.Line));
        Assert.Equal(new[] { "NuGet API key", "connection-string password", "password" }, findings.Select(f => f.Arguments[0]));
        Assert.Equal("ENV DB_PASSWORD", findings[2].Arguments[2]);
        Assert.DoesNotContain(findings, f => f.Arguments.Any(a => a.Contains("hunter2")) || f.FingerprintKey.Contains("hunter2"));
    }

    [Fact]
    public void Final_stage_without_a_release_label_is_reported_at_its_from()
    {
        var findings = DockerfileRule.Check("/src/Dockerfile", """
            FROM x@sha256:a AS build
            LABEL org.opencontainers.image.revision=abc
            FROM y@sha256:b AS final
            LABEL maintainer=team org.opencontainers.image.version=
            USER app
            """);
        var unlabelled = Assert.Single(findings, f => f.RuleId == RuleIds.UnlabelledDockerfileRelease);
        Assert.Equal(3, unlabelled.Line);
        Assert.Equal(new[] { "Dockerfile", "y@sha256:b" }, unlabelled.Arguments);
    }

    [Theory]
    [InlineData("FROM x@sha256:a\nARG REVISION\nLABEL org.opencontainers.image.revision=$REVISION\nUSER app\n")]
    [InlineData("FROM x@sha256:a\nLABEL \"org.opencontainers.image.version\"=\"1.2.3\"\nUSER app\n")]
    [InlineData("FROM x@sha256:a AS base\nLABEL io.twelvefactor.release=${RELEASE}\nUSER app\nFROM base\n")]
    public void A_revision_or_version_label_on_the_final_stage_or_its_parent_is_a_release_label(string text)
    {
        Assert.DoesNotContain(DockerfileRule.Check("/src/Dockerfile", text), f => f.RuleId == RuleIds.UnlabelledDockerfileRelease);
    }
}
