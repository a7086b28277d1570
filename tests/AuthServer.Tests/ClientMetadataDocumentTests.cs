using AuthServer.Tests.Support;
using Inlay.AuthServerTesting;

namespace AuthServer.Tests;

/// <summary>
/// A client_id that is a URL names a Client ID Metadata Document, fetched and checked before the request goes on.
/// The documents are served by a tiny loopback server, which only Development accepts.
/// </summary>
public sealed class ClientMetadataDocumentTests(DevelopmentServer server) : IClassFixture<DevelopmentServer>, IAsyncLifetime
{
    private MetadataDocumentHost _documents = null!;

    public async Task InitializeAsync() => _documents = await MetadataDocumentHost.StartAsync();

    public async Task DisposeAsync() => await _documents.DisposeAsync();

    private static SignInRequest Alice(string clientId) =>
        new() { Email = "alice@example.com", Password = "Pass123$", Resource = DevelopmentServer.Resource, ClientId = clientId };

    [Fact]
    public async Task A_metadata_document_on_loopback_works_in_Development()
    {
        using var flow = new SignInFlow(server.App.BaseAddress);
        var clientId = _documents.Url("good.json");
        var outcome = await flow.AuthorizeAsync(Alice(clientId));
        Assert.True(outcome.SawConsentPage);
        var tokens = (await flow.ExchangeCodeAsync(outcome, DevelopmentServer.Resource)).EnsureSuccess();

        var token = await AccessTokenValidator.ValidateAsync(server.App, tokens.AccessToken!, DevelopmentServer.Resource);
        Assert.Equal(clientId, token.GetClaim("client_id").Value);
        (await flow.RefreshAsync(clientId, tokens.RefreshToken!)).EnsureSuccess();
        // Cached for the document's max-age: one fetch for the authorization, token and refresh requests together.
        Assert.Equal(1, _documents.Requests);
        NoServerErrors.In(flow);
    }

    [Fact]
    public async Task The_redirect_uri_must_be_one_the_document_lists()
    {
        using var flow = new SignInFlow(server.App.BaseAddress);
        var outcome = await flow.AuthorizeAsync(Alice(_documents.Url("good.json")) with { RedirectUri = "http://127.0.0.1:9/other" });
        Assert.Equal(400, outcome.ErrorPageStatus);
        Assert.Contains("redirect_uri", outcome.ErrorDescription);
        NoServerErrors.In(flow);
    }

    [Theory]
    [InlineData("mismatch.json", "is not the document's URL")]
    [InlineData("big.json", "larger than 64 KiB")]
    [InlineData("slow.json", "did not answer within 3 seconds")]
    [InlineData("redirect.json", "redirect")]
    [InlineData("confidential.json", "public clients only")]
    [InlineData("missing.json", "404")]
    public async Task A_document_that_cannot_be_used_is_refused_with_invalid_client(string document, string reason)
    {
        using var flow = new SignInFlow(server.App.BaseAddress);
        var outcome = await flow.AuthorizeAsync(Alice(_documents.Url(document)));
        Assert.Null(outcome.Code);
        // OpenIddict answers invalid_client with 401, on its error page (never a redirect to the unverified client).
        Assert.Equal(401, outcome.ErrorPageStatus);
        Assert.Equal("invalid_client", outcome.Error);
        Assert.Contains(reason, outcome.ErrorDescription);
        Assert.False(outcome.SawSignInPage);
        NoServerErrors.In(flow);
    }

    [Theory]
    [InlineData("https://client.example.com", "has no path")]
    [InlineData("https://client.example.com/a/../b.json", "segments")]
    [InlineData("https://user:pw@client.example.com/c.json", "user information")]
    public async Task A_client_id_url_of_the_wrong_shape_is_refused_without_a_fetch(string clientId, string reason)
    {
        using var flow = new SignInFlow(server.App.BaseAddress);
        var outcome = await flow.AuthorizeAsync(Alice(clientId));
        Assert.Equal("invalid_client", outcome.Error);
        Assert.Contains(reason, outcome.ErrorDescription);
        NoServerErrors.In(flow);
    }
}
