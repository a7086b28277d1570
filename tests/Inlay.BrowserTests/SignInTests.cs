using System.Text.Json;
using System.Text.RegularExpressions;

namespace Inlay.BrowserTests;

/// <summary>
/// The AuthServer sample and the Board sample with sign-in on, as two processes: what the dev host does when an MCP
/// server needs OAuth, the way ChatGPT signs a person in (discovery, registration, PKCE in a popup, refresh, sign-out,
/// switch user).
/// </summary>
public sealed class SignInServers : IAsyncLifetime
{
    /// <summary>How long the AuthServer's access tokens live here: short, so the tests see them expire.</summary>
    public static readonly TimeSpan AccessTokenLifetime = TimeSpan.FromSeconds(8);

    private readonly string _data = Directory.CreateTempSubdirectory("inlay-signin-").FullName;

    public SampleServer AuthServer { get; private set; } = null!;

    public SampleServer Board { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        AuthServer = await SampleServer.StartAsync("AuthServer", new Dictionary<string, string>
        {
            ["AuthServer__SqlitePath"] = Path.Combine(_data, "authserver.db"),
            ["AuthServer__KeysPath"] = Path.Combine(_data, "keys"),
            ["AuthServer__AccessTokenLifetime"] = AccessTokenLifetime.ToString("c"),
        });
        Board = await SampleServer.StartAsync("Board", new Dictionary<string, string>
        {
            ["Auth__Authority"] = AuthServer.BaseAddress.ToString().TrimEnd('/'),
            ["Auth__ClockSkew"] = "00:00:00",
            ["Board__SqlitePath"] = Path.Combine(_data, "board.db"),
        });
    }

    public async Task DisposeAsync()
    {
        if (Board is not null) await Board.DisposeAsync();
        if (AuthServer is not null) await AuthServer.DisposeAsync();
        Directory.Delete(_data, recursive: true);
    }
}

public sealed class SignInTests(BrowserFixture browser, SignInServers servers) : IClassFixture<BrowserFixture>, IClassFixture<SignInServers>
{
    private const string Password = "Pass123$";
    private const string Alice = "alice@example.com";
    private const string Bob = "bob@example.com";

    [Fact]
    public async Task The_sign_in_area_shows_who_is_signed_in_the_scopes_and_when_the_token_expires()
    {
        await using var host = await browser.Browser.OpenAsync(servers.Board.BaseAddress);
        // The Board answered 401, so the popup is open; a failure would show instead, and the assertion would say which.
        var statusOrError = host.SignInArea.GetByTestId("sign-in-status").Or(host.SignInArea.GetByTestId("sign-in-error")).First;
        await statusOrError.WaitForAsync();
        Assert.Equal("Waiting for sign-in in the popup…", await statusOrError.InnerTextAsync());
        var before = DateTimeOffset.UtcNow;
        await host.SignInAsync(Alice, Password);

        await Assertions.Expect(host.SignInArea.GetByTestId("sign-in-user")).ToHaveTextAsync($"Signed in as {Alice}");
        await Assertions.Expect(host.SignInArea.GetByTestId("sign-in-scopes")).ToHaveTextAsync("Scopes: board offline_access");
        await Assertions.Expect(host.SignInArea.GetByTestId("sign-in-expiry")).ToHaveTextAsync(new Regex(@"^· token expires in \d+ s \(.+\)$"));
        var expiresAt = await ExpiresAtAsync(host);
        Assert.InRange(expiresAt, before, DateTimeOffset.UtcNow + SignInServers.AccessTokenLifetime + TimeSpan.FromSeconds(1));
        await Assertions.Expect(host.SignInArea.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
        await Assertions.Expect(host.SignInArea.GetByRole(AriaRole.Button, new() { Name = "Switch user" })).ToBeVisibleAsync();

        await host.CallToolAsync("show_board");
        await Assertions.Expect(host.Widget.GetByRole(AriaRole.Heading, new() { Name = "Task board" })).ToBeVisibleAsync();
        await host.ScreenshotAsync("sign-in-alice");

        // The log says who signed in with which scopes, and never shows a token.
        await host.OpenTabAsync("log");
        var log = host.Page.GetByTestId("message-log");
        await Assertions.Expect(log).ToContainTextAsync($"signed in as {Alice} (scopes board offline_access)");
        var tokens = (await host.StoredSignInAsync())!.Value.GetProperty("tokens");
        var logged = await log.EvaluateAsync<string>("e => e.textContent");
        Assert.DoesNotContain(tokens.GetProperty("access_token").GetString()!, logged);
        Assert.DoesNotContain(tokens.GetProperty("refresh_token").GetString()!, logged);
        var local = await host.Page.EvaluateAsync<string>("() => JSON.stringify(localStorage)");
        Assert.DoesNotContain(tokens.GetProperty("refresh_token").GetString()!, local);
        Assert.DoesNotContain(tokens.GetProperty("access_token").GetString()!, local);
        host.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task Alice_and_bob_each_see_only_their_own_tasks_and_bob_cannot_touch_alices()
    {
        await using var alice = await browser.Browser.OpenAsync(servers.Board.BaseAddress);
        await alice.SignInAsync(Alice, Password);
        var aliceTitle = $"Alice's task {Guid.NewGuid():N}";
        await alice.CallToolAsync("add_task", new Dictionary<string, string> { ["title"] = aliceTitle, ["column"] = "todo" });
        var aliceId = TaskOf(await alice.LastToolResultAsync()).GetProperty("id").GetString()!;

        await using var bob = await browser.Browser.OpenAsync(servers.Board.BaseAddress);
        await bob.SignInAsync(Bob, Password);
        var bobTitle = $"Bob's task {Guid.NewGuid():N}";
        await bob.CallToolAsync("add_task", new Dictionary<string, string> { ["title"] = bobTitle, ["column"] = "todo" });
        await bob.CallToolAsync("show_board");
        await Assertions.Expect(bob.Widget.Locator("[data-column=todo] li", new() { HasText = bobTitle })).ToBeVisibleAsync();
        await Assertions.Expect(bob.Widget.Locator("li", new() { HasText = aliceTitle })).ToHaveCountAsync(0);

        // Bob's move and delete of Alice's task read exactly like an id that does not exist.
        const string unknownId = "t_000000000000";
        foreach (var (tool, arguments) in new (string, Dictionary<string, string>)[]
        {
            ("move_task", new() { ["column"] = "doing" }),
            ("delete_task", new()),
        })
        {
            await bob.CallToolAsync(tool, new Dictionary<string, string>(arguments) { ["id"] = aliceId });
            var refused = await bob.LastToolResultAsync();
            await bob.CallToolAsync(tool, new Dictionary<string, string>(arguments) { ["id"] = unknownId });
            var unknown = await bob.LastToolResultAsync();
            Assert.True(refused.GetProperty("isError").GetBoolean(), refused.ToString());
            Assert.True(unknown.GetProperty("isError").GetBoolean(), unknown.ToString());
            Assert.Equal(Text(unknown).Replace(unknownId, "<id>"), Text(refused).Replace(aliceId, "<id>"));
        }

        // Alice's task is where she left it, and she does not see Bob's.
        await alice.CallToolAsync("show_board");
        await Assertions.Expect(alice.Widget.Locator("[data-column=todo] li", new() { HasText = aliceTitle })).ToBeVisibleAsync();
        await Assertions.Expect(alice.Widget.Locator("li", new() { HasText = bobTitle })).ToHaveCountAsync(0);
        await alice.ScreenshotAsync("sign-in-alice-board");
        await bob.ScreenshotAsync("sign-in-bob-board");
        alice.AssertNoConsoleErrors();
        bob.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task An_expired_access_token_is_refreshed_without_signing_in_again()
    {
        await using var host = await browser.Browser.OpenAsync(servers.Board.BaseAddress);
        await host.SignInAsync(Alice, Password);
        await host.CallToolAsync("show_board");
        var firstExpiry = await ExpiresAtAsync(host);
        var popups = host.PopupCount;

        await WaitUntilAsync(firstExpiry);
        await Assertions.Expect(host.SignInArea.GetByTestId("sign-in-expiry")).ToContainTextAsync("token expired");
        await host.CallToolAsync("show_board");
        await Assertions.Expect(host.Widget.GetByRole(AriaRole.Heading, new() { Name = "Task board" })).ToBeVisibleAsync();

        Assert.Equal(popups, host.PopupCount);
        Assert.True(await ExpiresAtAsync(host) > firstExpiry);
        await host.OpenTabAsync("log");
        await Assertions.Expect(host.Page.GetByTestId("message-log")).ToContainTextAsync($"refreshed the access token for {Alice}");
        host.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task A_revoked_refresh_token_sends_the_person_back_to_the_popup_and_the_widgets_call_goes_through()
    {
        await using var host = await browser.Browser.OpenAsync(servers.Board.BaseAddress);
        await host.SignInAsync(Alice, Password);
        await host.CallToolAsync("show_board");
        var expiry = await ExpiresAtAsync(host);

        // Revoke the refresh token at the authorization server, as an administrator or the person elsewhere would.
        var stored = (await host.StoredSignInAsync())!.Value;
        using var http = new HttpClient { BaseAddress = servers.AuthServer.BaseAddress };
        using var revoked = await http.PostAsync("connect/revoke", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["token"] = stored.GetProperty("tokens").GetProperty("refresh_token").GetString()!,
            ["token_type_hint"] = "refresh_token",
            ["client_id"] = stored.GetProperty("clientInformation").GetProperty("client_id").GetString()!,
        }));
        Assert.True(revoked.IsSuccessStatusCode, await revoked.Content.ReadAsStringAsync());

        await WaitUntilAsync(expiry);
        // The widget adds a task: its call gets a 401, the refresh is refused, so the popup opens again. The
        // authorization server still has Alice's session (its cookie) and shows only its consent page (the SDK asks for
        // prompt=consent with offline_access); without that session it would show its sign-in page. SignInAsync answers
        // whichever it shows. Then the widget gets the answer of its call, made again.
        var popups = host.PopupCount;
        var title = $"Added after sign-in {Guid.NewGuid():N}";
        var widget = host.Widget;
        await widget.GetByLabel("New task title").FillAsync(title);
        await widget.GetByRole(AriaRole.Button, new() { Name = "Add task" }).ClickAsync();
        await host.SignInAsync(Alice, Password);
        Assert.Equal(popups + 1, host.PopupCount);
        var card = widget.Locator("[data-column=todo] li", new() { HasText = title });
        await Assertions.Expect(card).ToBeVisibleAsync();
        await Assertions.Expect(card).Not.ToHaveAttributeAsync("aria-busy", "true");
        await Assertions.Expect(widget.GetByTestId("error")).ToHaveCountAsync(0);
        Assert.NotEqual(stored.GetProperty("tokens").GetProperty("refresh_token").GetString(),
            (await host.StoredSignInAsync())!.Value.GetProperty("tokens").GetProperty("refresh_token").GetString());
        host.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task Sign_out_forgets_the_sign_in_and_switch_user_asks_the_authorization_server_who_is_signing_in()
    {
        await using var host = await browser.Browser.OpenAsync(servers.Board.BaseAddress);
        await host.SignInAsync(Alice, Password);
        var aliceTitle = $"Before switching {Guid.NewGuid():N}";
        await host.CallToolAsync("add_task", new Dictionary<string, string> { ["title"] = aliceTitle, ["column"] = "todo" });

        await host.SignOutAsync();
        Assert.Null(await host.StoredSignInAsync());
        await Assertions.Expect(host.SignInArea.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true })).ToBeVisibleAsync();

        // The next call needs sign-in again; the authorization server still knows Alice (its session cookie).
        var call = host.CallToolAsync("show_board");
        await host.SignInAsync(Alice, Password);
        await call;
        await Assertions.Expect(host.Widget.Locator("[data-column=todo] li", new() { HasText = aliceTitle })).ToBeVisibleAsync();

        // Switch user: prompt=login brings the sign-in page back despite that session.
        Assert.True(await host.SwitchUserAsync(Bob, Password), "The authorization server did not show its sign-in page for Switch user.");
        await Assertions.Expect(host.SignInArea.GetByTestId("sign-in-user")).ToHaveTextAsync($"Signed in as {Bob}");
        await host.CallToolAsync("show_board");
        await Assertions.Expect(host.Widget.GetByRole(AriaRole.Heading, new() { Name = "Task board" })).ToBeVisibleAsync();
        await Assertions.Expect(host.Widget.Locator("li", new() { HasText = aliceTitle })).ToHaveCountAsync(0);
        await host.ScreenshotAsync("sign-in-switched-to-bob");
        host.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task A_blocked_popup_waits_for_Continue_sign_in()
    {
        await using var host = await browser.Browser.OpenAsync(servers.Board.BaseAddress);
        // Block popups opened without a click, as browsers do (Playwright's Chromium lets every popup through).
        await host.Page.Context.AddInitScriptAsync("""
            const open = window.open;
            let clickedAt = -Infinity;
            addEventListener("click", () => { clickedAt = performance.now(); }, true);
            window.open = (...args) => performance.now() - clickedAt < 1000 ? open.apply(window, args) : null;
            """);
        // The popup of the first load is no longer of use: its sign-in belongs to the page before the reload.
        while (host.PopupCount == 0) await Task.Delay(50);
        foreach (var popup in host.Page.Context.Pages.Where(p => p != host.Page).ToList()) await popup.CloseAsync();
        await host.ReloadAsync();

        var statusOrError = host.SignInArea.GetByTestId("sign-in-status").Or(host.SignInArea.GetByTestId("sign-in-error")).First;
        await statusOrError.WaitForAsync();
        Assert.Equal("The browser blocked the sign-in popup.", await statusOrError.InnerTextAsync());
        await Assertions.Expect(host.SignInArea.GetByRole(AriaRole.Button, new() { Name = "Continue sign-in" })).ToBeVisibleAsync();
        await host.ScreenshotAsync("sign-in-blocked");
        await host.SignInAsync(Alice, Password);
        await Assertions.Expect(host.SignInArea).ToHaveAttributeAsync("data-phase", "idle");
        host.AssertNoConsoleErrors();
    }

    private static async Task<DateTimeOffset> ExpiresAtAsync(DevHostPage host) =>
        DateTimeOffset.Parse((await host.SignInArea.GetByTestId("sign-in-expiry").GetAttributeAsync("data-expires-at"))!);

    /// <summary>Waits until just past <paramref name="expiry"/> (the Board sample allows no clock skew here).</summary>
    private static Task WaitUntilAsync(DateTimeOffset expiry)
    {
        var wait = expiry - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(1);
        return wait > TimeSpan.Zero ? Task.Delay(wait) : Task.CompletedTask;
    }

    private static JsonElement TaskOf(JsonElement result) => result.GetProperty("structuredContent").GetProperty("task");

    private static string Text(JsonElement result) =>
        string.Concat(result.GetProperty("content").EnumerateArray().Select(c => c.TryGetProperty("text", out var t) ? t.GetString() : ""));
}
