using System.Net;
using TwelveFactor.Sdk.Reading;

namespace TwelveFactor.Sdk.Tests.Containers;

public class RegistryTagsTests
{
    [Theory]
    [InlineData("localhost:5000", null, true)]
    [InlineData("127.0.0.1:5000", null, false)]
    [InlineData("127.0.0.1:5000", "registry.example; 127.0.0.1:5000 ", true)]
    [InlineData("127.0.0.1:5000", "127.0.0.1:50001", false)]
    [InlineData("Registry.Example", "registry.example", true)]
    public void Insecure_registries_are_the_sdks(string registry, string? list, bool insecure)
    {
        Assert.Equal(insecure, RegistryTags.IsInsecure(registry, list));
    }

    [Theory]
    [InlineData(HttpStatusCode.OK, TagState.Exists)]
    [InlineData(HttpStatusCode.NotFound, TagState.Absent)]
    [InlineData(HttpStatusCode.InternalServerError, TagState.Unknown)]
    public void Head_on_the_manifest_tells_whether_the_tag_exists(HttpStatusCode status, TagState expected)
    {
        var handler = new Recording(_ => new HttpResponseMessage(status));
        var lookup = new RegistryTags(() => handler).Lookup("registry.example", "acme/shop", "1.2.0", insecure: false);
        Assert.Equal(expected, lookup.State);
        var request = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Head, request.Method);
        Assert.Equal("https://registry.example/v2/acme/shop/manifests/1.2.0", request.RequestUri!.ToString());
        Assert.Contains(request.Headers.Accept, a => a.MediaType == "application/vnd.oci.image.index.v1+json");
    }

    [Fact]
    public void Anonymous_token_is_fetched_when_the_registry_asks()
    {
        var handler = new Recording(request =>
        {
            if (request.RequestUri!.Host == "auth.example")
            {
                return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{\"token\":\"anon\"}") };
            }

            if (request.Headers.Authorization?.Parameter == "anon")
            {
                return new HttpResponseMessage(HttpStatusCode.OK);
            }

            var challenge = new HttpResponseMessage(HttpStatusCode.Unauthorized);
            challenge.Headers.WwwAuthenticate.ParseAdd("Bearer realm=\"https://auth.example/token\",service=\"registry.example\",scope=\"repository:acme/shop:pull\"");
            return challenge;
        });
        var lookup = new RegistryTags(() => handler).Lookup("registry.example", "acme/shop", "1.2.0", insecure: false);
        Assert.Equal(TagState.Exists, lookup.State);
        Assert.Equal("https://auth.example/token?service=registry.example&scope=repository%3Aacme%2Fshop%3Apull", handler.Requests[1].RequestUri!.ToString());
    }

    [Fact]
    public void Insecure_registry_is_asked_over_http_then_https()
    {
        var handler = new Recording(request => request.RequestUri!.Scheme == "http"
            ? throw new HttpRequestException("Connection reset by peer")
            : new HttpResponseMessage(HttpStatusCode.NotFound));
        var lookup = new RegistryTags(() => handler).Lookup("127.0.0.1:5000", "acme/shop", "1.2.0", insecure: true);
        Assert.Equal(TagState.Absent, lookup.State);
        Assert.Equal(new[] { "http", "https" }, handler.Requests.Select(r => r.RequestUri!.Scheme));
    }

    [Fact]
    public void Unreachable_registry_is_unknown_not_absent()
    {
        var handler = new Recording(_ => throw new HttpRequestException("Connection refused"));
        var lookup = new RegistryTags(() => handler).Lookup("registry.example", "acme/shop", "1.2.0", insecure: false);
        Assert.Equal(TagState.Unknown, lookup.State);
        Assert.Contains("Connection refused", lookup.Detail);
    }

    private sealed class Recording : HttpMessageHandler
    {
        private readonly Func<HttpRequestMessage, HttpResponseMessage> _respond;

        public Recording(Func<HttpRequestMessage, HttpResponseMessage> respond) => _respond = respond;

        public List<HttpRequestMessage> Requests { get; } = new();

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Add(request);
            return Task.FromResult(_respond(request));
        }
    }
}
