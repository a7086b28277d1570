using System.Net;
using AuthServer.Tests.Support;

namespace AuthServer.Tests;

/// <summary>A host page on another origin (the dev host, a web MCP client) runs the flow with fetch.</summary>
public sealed class CorsTests(DevelopmentServer server) : IClassFixture<DevelopmentServer>
{
    private const string LoopbackPage = "http://127.0.0.1:5010";

    [Theory]
    [InlineData(".well-known/oauth-authorization-server", "GET")]
    [InlineData(".well-known/openid-configuration", "GET")]
    [InlineData(".well-known/jwks", "GET")]
    [InlineData("connect/register", "POST")]
    [InlineData("connect/token", "POST")]
    [InlineData("connect/revoke", "POST")]
    public async Task A_loopback_page_may_call_the_endpoints_a_browser_client_needs_in_Development(string path, string method)
    {
        using var http = server.App.CreateHttpClient();
        using var preflight = new HttpRequestMessage(HttpMethod.Options, path);
        preflight.Headers.Add("Origin", LoopbackPage);
        preflight.Headers.Add("Access-Control-Request-Method", method);
        preflight.Headers.Add("Access-Control-Request-Headers", "content-type, mcp-protocol-version");
        using var response = await http.SendAsync(preflight);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(LoopbackPage, response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.False(response.Headers.Contains("Access-Control-Allow-Credentials"));

        if (method == "GET")
        {
            using var get = new HttpRequestMessage(HttpMethod.Get, path);
            get.Headers.Add("Origin", LoopbackPage);
            using var answer = await http.SendAsync(get);
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            Assert.Equal(LoopbackPage, answer.Headers.GetValues("Access-Control-Allow-Origin").Single());
        }
    }

    [Theory]
    [InlineData("https://evil.example", ".well-known/openid-configuration")]
    [InlineData(LoopbackPage, "account/login")]
    public async Task Other_origins_and_the_sign_in_pages_get_no_cors_headers(string origin, string path)
    {
        using var http = server.App.CreateHttpClient();
        using var get = new HttpRequestMessage(HttpMethod.Get, path);
        get.Headers.Add("Origin", origin);
        using var answer = await http.SendAsync(get);
        Assert.False(answer.Headers.Contains("Access-Control-Allow-Origin"));
    }
}
