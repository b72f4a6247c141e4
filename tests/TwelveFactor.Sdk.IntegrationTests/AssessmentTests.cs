namespace TwelveFactor.Sdk.IntegrationTests;

/// <summary>The scorecard of -t:TwelveFactorAssess says what was checked: the analyzer's findings and a Dockerfile's user count.</summary>
public class AssessmentTests
{
    [Fact]
    public void Findings_only_the_code_shows_are_counted_per_factor()
    {
        using var ws = Workspace.Create("assess-code");
        ws.WriteProject("Svc", "worker");
        ws.WriteFile("Svc/Logging.cs", """
            namespace Svc;

            public static class Logging
            {
                public static void Write(string message) => File.AppendAllText("app.log", message);
            }
            """);

        var result = ws.Build("Svc", "-t:TwelveFactorAssess");

        Assert.True(result.Succeeded, result.ToString());
        Assert.Matches(@"XI\s+Logs\s+1 finding \(TF1101\)", result.Output);
        Assert.Matches(@"VI\s+Processes\s+compliant", result.Output);
    }

    [Fact]
    public void A_dockerfiles_user_answers_factor_IX_only_when_there_is_a_dockerfile()
    {
        using var ws = Workspace.Create("assess-dockerfile");
        ws.WriteProject("Svc", "web");

        var without = ws.Build("Svc", "-t:TwelveFactorAssess", "-p:TwelveFactorAnalyzersEnabled=false");

        Assert.True(without.Succeeded, without.ToString());
        Assert.Matches(@"IX\s+Disposability\s+not checkable at build time", without.Output);

        ws.WriteFile("Svc/Dockerfile", SampleCode.CleanDockerfile);
        var with = ws.Build("Svc", "-t:TwelveFactorAssess", "-p:TwelveFactorAnalyzersEnabled=false");

        Assert.True(with.Succeeded, with.ToString());
        Assert.Matches(@"IX\s+Disposability\s+compliant", with.Output);
    }
}
