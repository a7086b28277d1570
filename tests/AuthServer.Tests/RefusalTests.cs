using AuthServer.Tests.Support;
using Inlay.AuthServerTesting;

namespace AuthServer.Tests;

/// <summary>Authorization and token requests the server must refuse, each with a clear OAuth error and no 5xx.</summary>
public sealed class RefusalTests(DevelopmentServer server) : IClassFixture<DevelopmentServer>
{
    private static SignInRequest Alice => new() { Email = "alice@example.com", Password = "Pass123$", Resource = DevelopmentServer.Resource };

    [Fact]
    public async Task A_request_without_code_challenge_is_refused()
    {
        using var flow = new SignInFlow(server.App.BaseAddress);
        var outcome = await flow.AuthorizeAsync(Alice with { CodeChallengeMethod = null });
        AssertErrorPage(outcome, "invalid_request", "code_challenge");
        NoServerErrors.In(flow);
    }

    [Fact]
    public async Task The_plain_code_challenge_method_is_refused()
    {
        using var flow = new SignInFlow(server.App.BaseAddress);
        var outcome = await flow.AuthorizeAsync(Alice with { CodeChallengeMethod = "plain" });
        AssertErrorPage(outcome, "invalid_request", "code_challenge_method");
        NoServerErrors.In(flow);
    }

    [Fact]
    public async Task An_unregistered_redirect_uri_is_refused_without_redirecting_to_it()
    {
        using var flow = new SignInFlow(server.App.BaseAddress);
        var clientId = await flow.RegisterClientAsync("http://127.0.0.1:9/callback");
        var outcome = await flow.AuthorizeAsync(Alice with { ClientId = clientId, RedirectUri = "http://127.0.0.1:9/elsewhere" });
        AssertErrorPage(outcome, "invalid_request", "redirect_uri");
        Assert.DoesNotContain(flow.Exchanges, e => e.StatusCode is >= 300 and < 400);
        NoServerErrors.In(flow);
    }

    [Fact]
    public async Task An_unknown_client_id_is_refused_on_the_error_page()
    {
        using var flow = new SignInFlow(server.App.BaseAddress);
        var outcome = await flow.AuthorizeAsync(Alice with { ClientId = "no-such-client" });
        Assert.Equal(400, outcome.ErrorPageStatus);
        Assert.Contains("client_id", outcome.ErrorDescription);
        Assert.DoesNotContain(flow.Exchanges, e => e.StatusCode is >= 300 and < 400);
        NoServerErrors.In(flow);
    }

    [Fact]
    public async Task A_resource_that_is_not_served_here_is_refused_with_invalid_target()
    {
        using var flow = new SignInFlow(server.App.BaseAddress);
        var outcome = await flow.AuthorizeAsync(Alice with { Resource = "https://api.example.net/mcp" });
        AssertErrorPage(outcome, "invalid_target", "api.example.net");
        NoServerErrors.In(flow);
    }

    [Fact]
    public async Task A_request_without_resource_is_refused_with_invalid_target()
    {
        using var flow = new SignInFlow(server.App.BaseAddress);
        var outcome = await flow.AuthorizeAsync(Alice with { Resource = null });
        AssertErrorPage(outcome, "invalid_target", "resource");
        NoServerErrors.In(flow);
    }

    [Fact]
    public async Task A_code_used_twice_is_refused_and_what_it_issued_is_revoked()
    {
        using var flow = new SignInFlow(server.App.BaseAddress);
        var outcome = await flow.AuthorizeAsync(Alice);
        var first = (await flow.ExchangeCodeAsync(outcome, null)).EnsureSuccess();

        var second = await flow.ExchangeCodeAsync(outcome, null);
        Assert.Equal(400, second.StatusCode);
        Assert.Equal("invalid_grant", second.Error);

        var refresh = await flow.RefreshAsync(first.ClientId, first.RefreshToken!);
        Assert.Equal("invalid_grant", refresh.Error);
        NoServerErrors.In(flow);
    }

    [Fact]
    public async Task A_wrong_code_verifier_is_refused()
    {
        using var flow = new SignInFlow(server.App.BaseAddress);
        var outcome = await flow.AuthorizeAsync(Alice);
        var refused = await flow.ExchangeCodeAsync(outcome with { CodeVerifier = new string('a', 43) }, null);
        Assert.Equal("invalid_grant", refused.Error);
        NoServerErrors.In(flow);
    }

    private static void AssertErrorPage(AuthorizationOutcome outcome, string error, string descriptionMentions)
    {
        Assert.Null(outcome.Code);
        Assert.Equal(400, outcome.ErrorPageStatus);
        Assert.Equal(error, outcome.Error);
        Assert.Contains(descriptionMentions, outcome.ErrorDescription);
        Assert.False(outcome.SawSignInPage);
    }
}
