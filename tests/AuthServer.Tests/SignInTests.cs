using AuthServer.Tests.Support;
using Inlay.AuthServerTesting;

namespace AuthServer.Tests;

public sealed class SignInTests(DevelopmentServer server) : IClassFixture<DevelopmentServer>
{
    private const string Password = "Pass123$";

    [Fact]
    public async Task Alice_gets_a_signed_access_token_bound_to_the_requested_resource()
    {
        using var flow = new SignInFlow(server.App.BaseAddress);
        var outcome = await flow.AuthorizeAsync(new SignInRequest
        {
            Email = "alice@example.com", Password = Password, Resource = DevelopmentServer.Resource,
            Scope = "openid email profile offline_access board",
        });
        Assert.True(outcome.SawSignInPage);
        Assert.True(outcome.SawConsentPage);
        Assert.Equal(server.App.BaseAddress.AbsoluteUri, outcome.Issuer);
        var tokens = (await flow.ExchangeCodeAsync(outcome, DevelopmentServer.Resource)).EnsureSuccess();

        var token = await AccessTokenValidator.ValidateAsync(server.App, tokens.AccessToken!, DevelopmentServer.Resource);
        Assert.Equal(server.App.BaseAddress.AbsoluteUri, token.Issuer);
        Assert.Equal([DevelopmentServer.Resource], token.Audiences);
        Assert.True(Guid.TryParse(token.Subject, out _));
        Assert.Equal("alice@example.com", token.GetClaim("email").Value);
        Assert.Equal("Alice", token.GetClaim("name").Value);
        Assert.Equal("openid email profile offline_access board", token.GetClaim("scope").Value);
        Assert.Equal(outcome.ClientId, token.GetClaim("client_id").Value);
        Assert.Equal(int.Parse(DevelopmentServer.AccessTokenLifetimeSeconds), (token.ValidTo - token.IssuedAt).TotalSeconds);
        Assert.Equal("at+jwt", token.Typ);
        Assert.False(string.IsNullOrEmpty(token.Id));
        Assert.False(token.TryGetHeaderValue<string>("enc", out _));

        Assert.Equal("Bearer", tokens.TokenType);
        Assert.NotNull(tokens.RefreshToken);
        Assert.NotNull(tokens.IdToken);
        Assert.InRange(tokens.ExpiresIn!.Value, 1, int.Parse(DevelopmentServer.AccessTokenLifetimeSeconds));
        NoServerErrors.In(flow);
    }

    [Fact]
    public async Task Consent_is_remembered_for_the_same_client_and_user()
    {
        using var flow = new SignInFlow(server.App.BaseAddress);
        var clientId = await flow.RegisterClientAsync(clientName: "Remembering client");
        var request = new SignInRequest { Email = "bob@example.com", Password = Password, Resource = DevelopmentServer.Resource, ClientId = clientId };

        var first = await flow.AuthorizeAsync(request);
        Assert.True(first.SawConsentPage);
        (await flow.ExchangeCodeAsync(first, null)).EnsureSuccess();

        var second = await flow.AuthorizeAsync(request);
        Assert.False(second.SawSignInPage);
        Assert.False(second.SawConsentPage);
        (await flow.ExchangeCodeAsync(second, null)).EnsureSuccess();

        // A new browser (no session): sign-in again, but still no consent page.
        using var otherBrowser = new SignInFlow(server.App.BaseAddress);
        var third = await otherBrowser.AuthorizeAsync(request);
        Assert.True(third.SawSignInPage);
        Assert.False(third.SawConsentPage);
        Assert.NotNull(third.Code);

        var forced = await otherBrowser.AuthorizeAsync(request with { Prompt = "consent" });
        Assert.True(forced.SawConsentPage);
        NoServerErrors.In(flow);
        NoServerErrors.In(otherBrowser);
    }

    [Fact]
    public async Task Prompt_login_shows_the_sign_in_page_despite_a_session_and_switches_user()
    {
        using var flow = new SignInFlow(server.App.BaseAddress);
        var clientId = await flow.RegisterClientAsync();
        var alice = await flow.SignInAsync(new SignInRequest { Email = "alice@example.com", Password = Password, Resource = DevelopmentServer.Resource, ClientId = clientId });

        var again = await flow.AuthorizeAsync(new SignInRequest { Email = "alice@example.com", Password = Password, Resource = DevelopmentServer.Resource, ClientId = clientId });
        Assert.False(again.SawSignInPage);

        var switched = await flow.AuthorizeAsync(new SignInRequest
        {
            Email = "bob@example.com", Password = Password, Resource = DevelopmentServer.Resource, ClientId = clientId, Prompt = "login",
        });
        Assert.True(switched.SawSignInPage);
        var bob = (await flow.ExchangeCodeAsync(switched, null)).EnsureSuccess();

        var aliceToken = await AccessTokenValidator.ValidateAsync(server.App, alice.AccessToken!, DevelopmentServer.Resource);
        var bobToken = await AccessTokenValidator.ValidateAsync(server.App, bob.AccessToken!, DevelopmentServer.Resource);
        Assert.Equal("bob@example.com", bobToken.GetClaim("email").Value);
        Assert.NotEqual(aliceToken.Subject, bobToken.Subject);
        NoServerErrors.In(flow);
    }

    [Fact]
    public async Task Wrong_password_shows_the_sign_in_page_again_with_a_message()
    {
        using var flow = new SignInFlow(server.App.BaseAddress);
        var outcome = await flow.AuthorizeAsync(new SignInRequest { Email = "alice@example.com", Password = "wrong", Resource = DevelopmentServer.Resource });
        Assert.Null(outcome.Code);
        Assert.Equal("sign_in_failed", outcome.Error);
        Assert.Equal("The email or password is incorrect.", outcome.ErrorDescription);
        Assert.All(flow.Exchanges, e => Assert.True(e.StatusCode is 200 or 201 or 302, $"{e.Url} answered {e.StatusCode}"));
    }

    [Fact]
    public async Task Deny_on_the_consent_page_redirects_with_access_denied()
    {
        using var flow = new SignInFlow(server.App.BaseAddress);
        var outcome = await flow.AuthorizeAsync(new SignInRequest { Email = "alice@example.com", Password = Password, Resource = DevelopmentServer.Resource, Consent = false });
        Assert.True(outcome.SawConsentPage);
        Assert.Null(outcome.Code);
        Assert.Equal("access_denied", outcome.Error);
        Assert.Null(outcome.ErrorPageStatus);
        NoServerErrors.In(flow);
    }

    [Fact]
    public async Task Refresh_rotates_the_refresh_token_and_refuses_the_old_one()
    {
        using var flow = new SignInFlow(server.App.BaseAddress);
        var tokens = await flow.SignInAsync(new SignInRequest { Email = "alice@example.com", Password = Password, Resource = DevelopmentServer.Resource });

        var refreshed = (await flow.RefreshAsync(tokens.ClientId, tokens.RefreshToken!)).EnsureSuccess();
        Assert.NotEqual(tokens.RefreshToken, refreshed.RefreshToken);
        var token = await AccessTokenValidator.ValidateAsync(server.App, refreshed.AccessToken!, DevelopmentServer.Resource);
        Assert.Equal("alice@example.com", token.GetClaim("email").Value);

        var replay = await flow.RefreshAsync(tokens.ClientId, tokens.RefreshToken!);
        Assert.Equal(400, replay.StatusCode);
        Assert.Equal("invalid_grant", replay.Error);
        NoServerErrors.In(flow);
    }

    [Fact]
    public async Task A_revoked_refresh_token_is_refused()
    {
        using var flow = new SignInFlow(server.App.BaseAddress);
        var tokens = await flow.SignInAsync(new SignInRequest { Email = "bob@example.com", Password = Password, Resource = DevelopmentServer.Resource });

        Assert.Equal(System.Net.HttpStatusCode.OK, await flow.RevokeAsync(tokens.ClientId, tokens.RefreshToken!));
        var refused = await flow.RefreshAsync(tokens.ClientId, tokens.RefreshToken!);
        Assert.Equal(400, refused.StatusCode);
        Assert.Equal("invalid_grant", refused.Error);
        NoServerErrors.In(flow);
    }

    [Fact]
    public async Task A_client_cannot_revoke_another_clients_token()
    {
        using var flow = new SignInFlow(server.App.BaseAddress);
        var tokens = await flow.SignInAsync(new SignInRequest { Email = "alice@example.com", Password = Password, Resource = DevelopmentServer.Resource });
        var otherClient = await flow.RegisterClientAsync(clientName: "Other client");

        // RFC 7009 lets the server answer as if it worked; what matters is that the token still works.
        var status = await flow.RevokeAsync(otherClient, tokens.RefreshToken!);
        Assert.True((int)status < 500);
        (await flow.RefreshAsync(tokens.ClientId, tokens.RefreshToken!)).EnsureSuccess();
        NoServerErrors.In(flow);
    }

    [Fact]
    public async Task Prompt_none_without_a_session_redirects_with_login_required()
    {
        using var flow = new SignInFlow(server.App.BaseAddress);
        var outcome = await flow.AuthorizeAsync(new SignInRequest { Email = "alice@example.com", Password = Password, Resource = DevelopmentServer.Resource, Prompt = "none" });
        Assert.Equal("login_required", outcome.Error);
        Assert.Null(outcome.ErrorPageStatus);
        Assert.False(outcome.SawSignInPage);
        NoServerErrors.In(flow);
    }

    [Fact]
    public async Task Token_request_may_not_widen_the_resource()
    {
        using var flow = new SignInFlow(server.App.BaseAddress);
        var outcome = await flow.AuthorizeAsync(new SignInRequest { Email = "alice@example.com", Password = Password, Resource = DevelopmentServer.Resource });
        var refused = await flow.ExchangeCodeAsync(outcome, "http://127.0.0.1:5999/other");
        Assert.Equal("invalid_target", refused.Error);
        NoServerErrors.In(flow);
    }
}
