using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AuthServer.Tests.Support;

namespace AuthServer.Tests;

/// <summary>Dynamic Client Registration (RFC 7591): what is registered, and what is refused with a 400.</summary>
public sealed class RegistrationTests(DevelopmentServer server) : IClassFixture<DevelopmentServer>
{
    [Fact]
    public async Task A_public_client_is_registered_with_its_metadata()
    {
        var (status, body) = await RegisterAsync("""
            {"redirect_uris":["https://client.example.com/cb","http://localhost:4000/cb"],"client_name":"Example client",
             "grant_types":["authorization_code","refresh_token"],"response_types":["code"],"token_endpoint_auth_method":"none","scope":"openid board"}
            """);
        Assert.Equal(HttpStatusCode.Created, status);
        Assert.True(Guid.TryParse((string?)body["client_id"], out _));
        Assert.InRange((long)body["client_id_issued_at"]!, DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeSeconds(), DateTimeOffset.UtcNow.AddMinutes(1).ToUnixTimeSeconds());
        Assert.Equal("Example client", (string?)body["client_name"]);
        Assert.Equal("none", (string?)body["token_endpoint_auth_method"]);
        Assert.Equal(["https://client.example.com/cb", "http://localhost:4000/cb"], body["redirect_uris"]!.AsArray().Select(n => (string)n!));
        Assert.Equal("openid board", (string?)body["scope"]);
    }

    [Fact]
    public async Task Malformed_json_is_refused_as_invalid_client_metadata()
    {
        var (status, body) = await RegisterAsync("{\"redirect_uris\": [");
        AssertRefused(status, body, "invalid_client_metadata", "JSON");
    }

    [Fact]
    public async Task An_oversized_body_is_refused()
    {
        var padding = new string('x', 20 * 1024);
        var (status, body) = await RegisterAsync($$"""{"redirect_uris":["https://client.example.com/cb"],"client_name":"{{padding}}"}""");
        AssertRefused(status, body, "invalid_client_metadata", "16 KiB");
    }

    [Fact]
    public async Task Missing_redirect_uris_are_refused()
    {
        var (status, body) = await RegisterAsync("""{"client_name":"No redirect"}""");
        AssertRefused(status, body, "invalid_redirect_uri", "redirect_uris");
    }

    [Theory]
    [InlineData("javascript:alert(1)", "scheme")]
    [InlineData("https://client.example.com/cb#fragment", "fragment")]
    [InlineData("http://client.example.com/cb", "loopback")]
    [InlineData("/relative/cb", "absolute")]
    [InlineData("custom-scheme://cb", "scheme")]
    public async Task A_bad_redirect_uri_is_refused(string redirectUri, string reason)
    {
        var (status, body) = await RegisterAsync(new JsonObject { ["redirect_uris"] = new JsonArray(redirectUri) }.ToJsonString());
        AssertRefused(status, body, "invalid_redirect_uri", reason);
    }

    [Theory]
    [InlineData("client_secret_basic")]
    [InlineData("client_secret_post")]
    [InlineData("private_key_jwt")]
    public async Task A_confidential_client_is_refused(string method)
    {
        var (status, body) = await RegisterAsync($$"""{"redirect_uris":["https://client.example.com/cb"],"token_endpoint_auth_method":"{{method}}"}""");
        AssertRefused(status, body, "invalid_client_metadata", "public clients");
    }

    [Fact]
    public async Task A_client_that_prefers_private_key_jwt_but_supports_none_is_registered_as_a_public_client()
    {
        // The shape of ChatGPT's client metadata document: private_key_jwt preferred, none supported as well.
        var (status, body) = await RegisterAsync("""
            {"redirect_uris":["https://client.example.com/cb"],"token_endpoint_auth_method":"private_key_jwt",
             "token_endpoint_auth_methods_supported":["none","private_key_jwt"]}
            """);
        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal("none", (string?)body["token_endpoint_auth_method"]);
    }

    [Theory]
    [InlineData("""{"redirect_uris":["https://c.example.com/cb"],"grant_types":["client_credentials"]}""", "client_credentials")]
    [InlineData("""{"redirect_uris":["https://c.example.com/cb"],"response_types":["token"]}""", "token")]
    [InlineData("""{"redirect_uris":["https://c.example.com/cb"],"scope":"admin"}""", "admin")]
    [InlineData("""{"redirect_uris":"https://c.example.com/cb"}""", "array")]
    [InlineData("""[]""", "object")]
    public async Task Metadata_the_server_cannot_honour_is_refused(string json, string reason)
    {
        var (status, body) = await RegisterAsync(json);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(reason, (string?)body["error_description"]);
    }

    private async Task<(HttpStatusCode Status, JsonObject Body)> RegisterAsync(string json)
    {
        using var http = server.App.CreateHttpClient();
        using var response = await http.PostAsync("connect/register", new StringContent(json, Encoding.UTF8, "application/json"));
        NoServerErrors.In(response);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject());
    }

    private static void AssertRefused(HttpStatusCode status, JsonObject body, string error, string descriptionMentions)
    {
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(error, (string?)body["error"]);
        Assert.Contains(descriptionMentions, (string?)body["error_description"]);
    }
}
