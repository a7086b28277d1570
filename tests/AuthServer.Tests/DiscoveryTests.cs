using System.Text.Json.Nodes;
using AuthServer.Tests.Support;

namespace AuthServer.Tests;

public sealed class DiscoveryTests(DevelopmentServer server) : IClassFixture<DevelopmentServer>
{
    [Theory]
    [InlineData(".well-known/oauth-authorization-server")]
    [InlineData(".well-known/openid-configuration")]
    public async Task Discovery_document_advertises_what_MCP_clients_need(string path)
    {
        using var http = server.App.CreateHttpClient();
        var document = JsonNode.Parse(await http.GetStringAsync(path))!.AsObject();
        var issuer = server.App.BaseAddress.AbsoluteUri;

        Assert.Equal(issuer, (string?)document["issuer"]);
        Assert.Equal(issuer + "connect/authorize", (string?)document["authorization_endpoint"]);
        Assert.Equal(issuer + "connect/token", (string?)document["token_endpoint"]);
        Assert.Equal(issuer + "connect/revoke", (string?)document["revocation_endpoint"]);
        Assert.Equal(issuer + "connect/register", (string?)document["registration_endpoint"]);
        Assert.Equal(issuer + ".well-known/jwks", (string?)document["jwks_uri"]);
        Assert.Equal(["S256"], Strings(document["code_challenge_methods_supported"]));
        Assert.Equal(["authorization_code", "refresh_token"], Strings(document["grant_types_supported"]).Order());
        Assert.Contains("none", Strings(document["token_endpoint_auth_methods_supported"]));
        Assert.Equal(["board", "email", "offline_access", "openid", "profile"], Strings(document["scopes_supported"]).Order());
        Assert.True((bool?)document["client_id_metadata_document_supported"]);
        Assert.True((bool?)document["authorization_response_iss_parameter_supported"]);
    }

    [Fact]
    public async Task Both_discovery_paths_serve_the_same_document()
    {
        using var http = server.App.CreateHttpClient();
        var oauth = await http.GetStringAsync(".well-known/oauth-authorization-server");
        var openId = await http.GetStringAsync(".well-known/openid-configuration");
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(oauth), JsonNode.Parse(openId)));
    }

    [Fact]
    public async Task Jwks_publishes_the_RSA_signing_key()
    {
        using var http = server.App.CreateHttpClient();
        var keys = JsonNode.Parse(await http.GetStringAsync(".well-known/jwks"))!["keys"]!.AsArray();
        var key = Assert.Single(keys)!;
        Assert.Equal("RSA", (string?)key["kty"]);
        Assert.Equal("sig", (string?)key["use"]);
        Assert.False(string.IsNullOrEmpty((string?)key["kid"]));
        Assert.Null(key["d"]);
    }

    private static string[] Strings(JsonNode? node) => node!.AsArray().Select(n => (string)n!).ToArray();
}
