using AuthServer.Tests.Support;
using Inlay.AuthServerTesting;

namespace AuthServer.Tests;

/// <summary>Outside Development, metadata documents must be https on public addresses: loopback ones are never fetched.</summary>
public sealed class ClientMetadataDocumentProductionTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private AuthServerApp _app = null!;
    private MetadataDocumentHost _documents = null!;

    public async Task InitializeAsync()
    {
        _documents = await MetadataDocumentHost.StartAsync();
        _app = new AuthServerApp(_folder.Path, "Production", new Dictionary<string, string?> { ["AuthServer:Resources:0"] = "https://board.example.com/mcp" });
    }

    public async Task DisposeAsync()
    {
        _app.Dispose();
        await _documents.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task An_http_loopback_document_is_refused_without_a_fetch()
    {
        using var flow = new SignInFlow(_app.BaseAddress);
        var outcome = await flow.AuthorizeAsync(Request(_documents.Url("good.json")));
        // OpenIddict answers invalid_client with 401, on its error page (never a redirect to the unverified client).
        Assert.Equal(401, outcome.ErrorPageStatus);
        Assert.Equal("invalid_client", outcome.Error);
        Assert.Contains("must use https", outcome.ErrorDescription);
        Assert.Equal(0, _documents.Requests);
        NoServerErrors.In(flow);
    }

    [Fact]
    public async Task An_https_document_on_a_loopback_address_is_refused_before_connecting()
    {
        using var flow = new SignInFlow(_app.BaseAddress);
        var https = new UriBuilder(_documents.Url("good.json")) { Scheme = "https" }.Uri.AbsoluteUri;
        var outcome = await flow.AuthorizeAsync(Request(https));
        Assert.Equal("invalid_client", outcome.Error);
        Assert.Contains("public IP address", outcome.ErrorDescription);
        Assert.Equal(0, _documents.Requests);

        var localhost = new UriBuilder(https) { Host = "localhost" }.Uri.AbsoluteUri;
        var byName = await flow.AuthorizeAsync(Request(localhost));
        Assert.Contains("public IP address", byName.ErrorDescription);
        NoServerErrors.In(flow);
    }

    [Fact]
    public async Task Loopback_resources_are_refused_outside_Development()
    {
        using var flow = new SignInFlow(_app.BaseAddress);
        var outcome = await flow.AuthorizeAsync(Request(null) with { Resource = DevelopmentServer.Resource });
        Assert.Equal("invalid_target", outcome.Error);
        NoServerErrors.In(flow);
    }

    private static SignInRequest Request(string? clientId) =>
        new() { Email = "alice@example.com", Password = "Pass123$", Resource = "https://board.example.com/mcp", ClientId = clientId };
}
