using TwelveFactor.Sdk.Catalog;
using TwelveFactor.Sdk.Containers;
using TwelveFactor.Sdk.Knowledge;

namespace TwelveFactor.Sdk.Tests.Containers;

public class ImageConfigRuleTests
{
    private static string Config(string user, string ports, params string[] env) =>
        "{\"config\": {\"User\": \"" + user + "\", \"ExposedPorts\": {" + ports + "}, \"Env\": [" +
        string.Join(",", env.Select(e => "\"" + e + "\"")) + "], \"Labels\": {\"org.opencontainers.image.base.name\": \"example/base:1\"}}}";

    [Fact]
    public void Non_root_web_image_binding_its_declared_port_is_clean()
    {
        Assert.Empty(ImageConfigRule.Check("/p.csproj", Config("1654", "\"8080/tcp\": {}", "ASPNETCORE_HTTP_PORTS=8080"), "web", null));
    }

    [Fact]
    public void Image_without_user_runs_as_root()
    {
        var finding = Assert.Single(ImageConfigRule.Check("/p.csproj", Config("", "\"8080/tcp\": {}", "ASPNETCORE_HTTP_PORTS=8080"), "web", null));
        Assert.Equal(RuleIds.RunsAsRoot, finding.RuleId);
        Assert.Contains("example/base:1", finding.Arguments[0]);
    }

    [Fact]
    public void Declared_port_other_than_the_bound_one_is_TF0703()
    {
        var finding = Assert.Single(ImageConfigRule.Check("/p.csproj", Config("app", "\"9090/tcp\": {}", "ASPNETCORE_HTTP_PORTS=8080"), "web", null));
        Assert.Equal(RuleIds.ContainerPortMismatch, finding.RuleId);
        Assert.Equal(new[] { "9090", "8080" }, finding.Arguments);
    }

    [Fact]
    public void Declared_port_nobody_listens_on_is_TF0703_too()
    {
        var finding = Assert.Single(ImageConfigRule.Check("/p.csproj", Config("app", "\"8080/tcp\": {}, \"9090/tcp\": {}", "ASPNETCORE_HTTP_PORTS=8080"), "web", null));
        Assert.Equal(new[] { "8080, 9090", "8080" }, finding.Arguments);
    }

    [Fact]
    public void Workers_bind_no_port()
    {
        Assert.Empty(ImageConfigRule.Check("/p.csproj", Config("app", "", "DOTNET_RUNNING_IN_CONTAINER=true"), "worker", null));
    }

    [Theory]
    [InlineData(new[] { "ASPNETCORE_HTTP_PORTS=8080;8081" }, null, new[] { 8080, 8081 })]
    [InlineData(new[] { "ASPNETCORE_HTTP_PORTS=8080", "ASPNETCORE_URLS=http://+:5005" }, null, new[] { 5005 })]
    [InlineData(new[] { "ASPNETCORE_HTTP_PORTS=8080" }, """{"Kestrel":{"Endpoints":{"Http":{"Url":"http://*:7000"}}}}""", new[] { 7000 })]
    [InlineData(new[] { "ASPNETCORE_HTTP_PORTS=8080", "Kestrel__Endpoints__Api__Url=http://[::]:6000" }, null, new[] { 6000 })]
    [InlineData(new[] { "PATH=/bin" }, null, new[] { 5000 })]
    [InlineData(new[] { "HTTP_PORTS=8080" }, "{ not json", new[] { 8080 })]
    public void Bound_ports_follow_kestrels_precedence(string[] env, string? appSettings, int[] expected)
    {
        var environment = env.Select(e => e.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        Assert.Equal(expected.OrderBy(p => p), AppPorts.Bound(environment, appSettings).OrderBy(p => p));
    }
}
