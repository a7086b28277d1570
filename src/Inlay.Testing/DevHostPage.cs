using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Playwright;

namespace Inlay.Testing;

/// <summary>
/// An open dev host page: call tools through its form, reach into the rendered widget (<see cref="Widget"/>), change
/// the host's settings, reload, read its panels. Console errors from the page and the widget are collected;
/// <see cref="AssertNoConsoleErrors"/> fails a test on any.
/// </summary>
public sealed class DevHostPage : IAsyncDisposable
{
    private readonly Uri _address;
    private readonly DevHostBrowserOptions _options;
    private readonly ConcurrentQueue<(string Text, string Location)> _errors = new();
    private readonly ConcurrentQueue<(string Text, string Url, int Status)> _failedRequests = new();
    private readonly ConcurrentDictionary<(string Url, int Status), bool> _expectedFailures = new();
    private readonly ConcurrentQueue<IPage> _popups = new();
    private string _callBefore = "";

    internal DevHostPage(IPage page, Uri address, DevHostMode mode, DevHostBrowserOptions options)
    {
        Page = page;
        Mode = mode;
        _address = address;
        _options = options;
        page.Console += (_, message) =>
        {
            if (message.Type == "error") _errors.Enqueue((message.Text, message.Location));
        };
        page.PageError += (_, error) => _errors.Enqueue((error, ""));
        page.RequestFailed += (_, request) =>
        {
            // A request the page cancelled itself is no failure: the MCP client closes each response stream once it
            // has read its answer, sometimes before the server's end of the stream arrives.
            if (request.Failure != "net::ERR_ABORTED") _failedRequests.Enqueue(($"{request.Method} {request.Url}: {request.Failure}", request.Url, 0));
        };
        page.Response += (_, response) =>
        {
            if (response.Status >= 400) _failedRequests.Enqueue(($"{response.Request.Method} {response.Url}: {response.Status}", response.Url, response.Status));
            // A server that needs sign-in answers 401 with a Bearer challenge until the host has a token, and an
            // authorization server refuses a refresh with a revoked or expired refresh token (400), after which the
            // dev host signs in again: both are the flow working, though the browser logs them as errors.
            if (response.Status == 401 && response.Headers.ContainsKey("www-authenticate")
                || response.Status == 400 && response.Request.Method == "POST" && response.Request.PostData?.Contains("grant_type=refresh_token", StringComparison.Ordinal) == true)
                _expectedFailures[(response.Url, response.Status)] = true;
        };
        page.Popup += (_, popup) => _popups.Enqueue(popup);
    }

    /// <summary>The Playwright page, for anything the helpers do not cover.</summary>
    public IPage Page { get; }

    /// <summary>The host the page was opened as (<see cref="SetHostAsync"/> changes what the page plays, not this).</summary>
    public DevHostMode Mode { get; }

    /// <summary>The widget's document: the frame inside the sandbox proxy's frame.</summary>
    public IFrameLocator Widget => Page.FrameLocator("[data-testid=widget-frame]").FrameLocator("iframe");

    /// <summary>Console errors and uncaught exceptions so far, from the page and the widget.</summary>
    public IReadOnlyList<string> ConsoleErrors =>
        [.. _errors.Where(e => !_expectedFailures.Keys.Any(f => e.Location.StartsWith(f.Url, StringComparison.Ordinal) && e.Text.Contains($"status of {f.Status}", StringComparison.Ordinal)))
            .Select(e => e.Text)];

    /// <summary>
    /// Requests so far, from the page and the widget, that failed (refused, reset, blocked by the CSP) or were answered
    /// with an HTTP error status (400 or more): method, URL and the failure or status. Requests the page cancelled
    /// itself, and the answers a sign-in expects (a 401 challenge, a refused refresh), are left out.
    /// </summary>
    public IReadOnlyList<string> FailedRequests =>
        [.. _failedRequests.Where(r => !_expectedFailures.ContainsKey((r.Url, r.Status))).Select(r => r.Text)];

    /// <summary>
    /// The Sign-in area: who is signed in (<c>sign-in-user</c>), the granted scopes (<c>sign-in-scopes</c>) and when the
    /// access token expires (<c>sign-in-expiry</c>, with the time in <c>data-expires-at</c>), or where a sign-in is
    /// (<c>sign-in-status</c>, <c>sign-in-error</c>); its <c>data-phase</c> is idle, starting, popup, blocked, closed,
    /// finishing or failed.
    /// </summary>
    public ILocator SignInArea => Page.GetByTestId("sign-in");

    /// <summary>How many windows the page has opened so far (the sign-in popups).</summary>
    public int PopupCount => _popups.Count;

    internal async Task LoadAsync()
    {
        await Page.GotoAsync(new UriBuilder(_address) { Query = "host=" + HostId(Mode) }.Uri.ToString());
        await WaitForToolsOrSignInAsync();
    }

    /// <summary>The dev host's id for a host: <c>mcp-apps</c>, <c>chatgpt</c> or <c>claude</c>.</summary>
    public static string HostId(DevHostMode mode) => mode switch
    {
        DevHostMode.ChatGpt => "chatgpt",
        DevHostMode.Claude => "claude",
        _ => "mcp-apps",
    };

    /// <summary>
    /// Signs in through the dev host's sign-in popup as a person would: takes the popup the page opened (clicking
    /// Continue sign-in when the browser blocked it), fills Email and Password
    /// and presses Sign in when the authorization server shows its sign-in page, presses Allow when it asks for
    /// consent, and waits until the popup has closed and the Sign-in area names <paramref name="email"/>. The labels are
    /// those of the AuthServer sample's pages.
    /// </summary>
    /// <returns>Whether the authorization server showed its sign-in page (it may not, when its session cookie still
    /// signs the person in).</returns>
    public async Task<bool> SignInAsync(string email, string password)
    {
        var popup = await SignInPopupAsync();
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        popup.Close += (_, _) => closed.TrySetResult();
        if (popup.IsClosed) closed.TrySetResult();

        var emailField = popup.GetByLabel("Email");
        var allow = popup.GetByRole(AriaRole.Button, new() { Name = "Allow" });
        var shown = false;
        var timeout = _options.Timeout;
        if (await ShowsAsync(emailField.Or(allow), closed.Task, timeout) && await emailField.IsVisibleAsync())
        {
            shown = true;
            await emailField.FillAsync(email);
            await popup.GetByLabel("Password").FillAsync(password);
            await popup.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        }
        if (await ShowsAsync(allow, closed.Task, timeout))
        {
            try
            {
                await allow.ClickAsync();
            }
            catch (PlaywrightException) when (popup.IsClosed)
            {
                // The answer reached the dev host and the popup closed itself while the click settled.
            }
        }
        await closed.Task.WaitAsync(timeout);
        await Assertions.Expect(SignInArea.GetByTestId("sign-in-user")).ToContainTextAsync(email);
        await WaitForToolsAsync();
        return shown;
    }

    /// <summary>Presses Sign out and waits until the Sign-in area says "Not signed in".</summary>
    public async Task SignOutAsync()
    {
        await SignInArea.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(SignInArea.GetByTestId("sign-in-user")).ToHaveTextAsync("Not signed in");
    }

    /// <summary>Presses Switch user and signs in as <paramref name="email"/> (see <see cref="SignInAsync"/>).</summary>
    public async Task<bool> SwitchUserAsync(string email, string password)
    {
        var before = PopupCount;
        await SignInArea.GetByRole(AriaRole.Button, new() { Name = "Switch user" }).ClickAsync();
        var deadline = DateTime.UtcNow + _options.Timeout;
        while (PopupCount == before && DateTime.UtcNow < deadline) await Task.Delay(50);
        return await SignInAsync(email, password);
    }

    /// <summary>
    /// What the dev host keeps of the sign-in in the page's sessionStorage (<c>tokens</c>, <c>clientInformation</c>,
    /// <c>obtainedAt</c>, <c>discoveryState</c>), or null when it keeps nothing: for tests that act on the tokens,
    /// such as revoking the refresh token at the authorization server.
    /// </summary>
    public async Task<JsonElement?> StoredSignInAsync()
    {
        var json = await Page.EvaluateAsync<string?>(
            "() => { const key = Object.keys(sessionStorage).find(k => k.startsWith('inlay-devhost:oauth:')); return key ? sessionStorage.getItem(key) : null; }");
        return json is null ? null : JsonDocument.Parse(json).RootElement.Clone();
    }

    /// <summary>
    /// Every message in the Log tab, oldest first: its channel (<c>bridge</c>, <c>mcp</c>, <c>openai</c>, <c>csp</c>,
    /// <c>auth</c>), direction (<c>out</c> from the page, <c>in</c> to it), label (the method, or <c>method (response)</c>)
    /// and the message itself.
    /// </summary>
    public async Task<IReadOnlyList<DevHostLogEntry>> MessageLogAsync()
    {
        await OpenTabAsync("log");
        var rows = await Page.GetByTestId("message-log").Locator("tbody tr").EvaluateAllAsync<string[][]>(
            "rows => rows.map(r => [r.cells[1].textContent, r.cells[2].textContent, r.querySelector('summary').textContent, r.querySelector('pre').textContent])");
        return [.. rows.Select(r => new DevHostLogEntry(r[0], r[1] == "→" ? "out" : "in", r[2], JsonDocument.Parse(r[3]).RootElement.Clone()))];
    }

    /// <summary>The result of the last tools/call, as the message log shows its response.</summary>
    public async Task<JsonElement> LastToolResultAsync()
    {
        await OpenTabAsync("log");
        var response = Page.GetByTestId("message-log").Locator("tbody tr").Filter(new() { HasText = "tools/call (response)" }).Last;
        var text = await response.Locator("pre").TextContentAsync() ?? "";
        return JsonDocument.Parse(text).RootElement.GetProperty("result").Clone();
    }

    /// <summary>
    /// Calls a tool through the dev host's form, as a person would: picks the tool, types each argument (text, a
    /// choice, "true"/"false" for a check box, JSON for nested values), presses Call and waits for the result, and for
    /// the widget's document when the tool has one.
    /// </summary>
    public async Task CallToolAsync(string tool, IReadOnlyDictionary<string, string>? arguments = null)
    {
        await StartToolCallAsync(tool, arguments);
        await WaitForToolCallAsync();
    }

    /// <summary>
    /// Fills the tool's form and presses Call (see <see cref="CallToolAsync"/>) without waiting for the result: for
    /// watching the widget while its input streams (<see cref="SetStreamInputAsync"/>). <see cref="WaitForToolCallAsync"/> waits.
    /// </summary>
    public async Task StartToolCallAsync(string tool, IReadOnlyDictionary<string, string>? arguments = null)
    {
        await Page.Locator($"[data-tool=\"{tool}\"]").ClickAsync();
        foreach (var (name, value) in arguments ?? new Dictionary<string, string>())
        {
            var field = Page.Locator($"#arg-{name}");
            var kind = await field.EvaluateAsync<string>("e => e.tagName === 'INPUT' ? e.type : e.tagName.toLowerCase()");
            switch (kind)
            {
                case "checkbox": await field.SetCheckedAsync(value == "true"); break;
                case "select": await field.SelectOptionAsync(value); break;
                default: await field.FillAsync(value); break;
            }
        }
        _callBefore = await Page.Locator("main.stage").GetAttributeAsync("data-call") ?? "";
        await Page.Locator("form.tool-form button[type=submit]").ClickAsync();
    }

    /// <summary>
    /// Waits for the call <see cref="StartToolCallAsync"/> started to finish, then for the widget's document when the
    /// tool has one, or for the host's refusal to render it (<c>domain-error</c>, <c>mime-error</c>).
    /// </summary>
    public async Task WaitForToolCallAsync()
    {
        await Page.WaitForFunctionAsync(
            "before => { const now = document.querySelector('main.stage')?.dataset.call; return now && now !== before; }", _callBefore);
        if (await Page.Locator("main.stage").GetAttributeAsync("data-widget") != "true") return;
        await Page.Locator("main.stage [data-testid=widget-frame], main.stage .refusal").First.WaitForAsync();
        // Attached, not visible: a widget whose script the CSP blocked has an empty body.
        if (await Page.Locator("main.stage .refusal").CountAsync() == 0)
            await Widget.Locator("body").WaitForAsync(new() { State = WaitForSelectorState.Attached });
    }

    /// <summary>Switches the host the dev host plays (the Host menu); it connects again as that host.</summary>
    public async Task SetHostAsync(DevHostMode mode)
    {
        await Page.GetByLabel("Host", new() { Exact = true }).SelectOptionAsync(HostId(mode));
        await Assertions.Expect(Page.Locator(".devhost")).ToHaveAttributeAsync("data-host", HostId(mode));
        await WaitForToolsAsync();
    }

    /// <summary>
    /// Turns "stream input" on or off: with it on, a tool's arguments reach its widget as
    /// <c>ui/notifications/tool-input-partial</c> notifications <paramref name="intervalMs"/> apart before
    /// <c>ui/notifications/tool-input</c>, and the tool is called after.
    /// </summary>
    public async Task SetStreamInputAsync(bool on, int intervalMs = 40)
    {
        await Page.GetByLabel("Stream input").SetCheckedAsync(on);
        if (on) await Page.GetByLabel("Stream interval").FillAsync(intervalMs.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// Where the host's handling of declared CSP origins is disputed (Claude): <see langword="false"/> plays the reports
    /// (declared origins not applied, the default), <see langword="true"/> the documentation (applied, frame origins aside).
    /// </summary>
    public Task SetDeclaredCspOriginsAppliedAsync(bool applied) =>
        Page.GetByLabel("Declared CSP origins").SelectOptionAsync(applied ? "documented" : "strict");

    /// <summary>
    /// A style variable the dev host sends the widget as the current host in the current theme, as its Host tab shows
    /// it (such as <c>--color-background-secondary</c>), or null when the host sends none (ChatGPT).
    /// </summary>
    public async Task<string?> HostStyleVariableAsync(string name)
    {
        await OpenTabAsync("host");
        await Page.GetByTestId("host-profile").WaitForAsync();
        var value = Page.GetByTestId("host-variables").Locator($"tr[data-name=\"{name}\"] [data-value]");
        return await value.CountAsync() == 0 ? null : await value.InnerTextAsync();
    }

    /// <summary>Switches the theme (light or dark) the host gives the widget.</summary>
    public Task SetThemeAsync(string theme) => Page.GetByLabel("Theme", new() { Exact = true }).SelectOptionAsync(theme);

    /// <summary>Switches the display mode (inline, pip or fullscreen).</summary>
    public Task SetDisplayModeAsync(string displayMode) => Page.GetByLabel("Display mode").SelectOptionAsync(displayMode);

    /// <summary>Changes the locale the host gives the widget, such as fr-FR.</summary>
    public Task SetLocaleAsync(string locale) => Page.GetByLabel("Locale").FillAsync(locale);

    /// <summary>Reloads the whole dev host; it renders the last tool call's widget again, as the same instance.</summary>
    public async Task ReloadAsync()
    {
        await Page.ReloadAsync();
        await WaitForToolsOrSignInAsync();
        if (await Page.Locator("[data-tool]").CountAsync() > 0 && await Page.Locator("main.stage").GetAttributeAsync("data-widget") == "true")
            await Widget.Locator("body").WaitForAsync();
    }

    /// <summary>Reloads only the widget's frame.</summary>
    public async Task ReloadWidgetAsync()
    {
        await Page.GetByRole(AriaRole.Button, new() { Name = "Reload widget" }).ClickAsync();
        await Widget.Locator("body").WaitForAsync();
    }

    /// <summary>What the State tab shows as the widget instance's state (JSON, or "(none)").</summary>
    public async Task<string> WidgetStateAsync()
    {
        await OpenTabAsync("state");
        return await Page.GetByTestId("widget-state").InnerTextAsync();
    }

    /// <summary>The transcript: follow-up messages, model-context updates, link requests and notes, oldest first.</summary>
    public async Task<IReadOnlyList<string>> TranscriptAsync()
    {
        await OpenTabAsync("transcript");
        var items = Page.GetByTestId("transcript").Locator("li");
        return await items.CountAsync() == 0 ? [] : await items.AllInnerTextsAsync();
    }

    /// <summary>What the widget's Content-Security-Policy blocked.</summary>
    public async Task<IReadOnlyList<string>> CspViolationsAsync()
    {
        await OpenTabAsync("csp");
        var items = Page.GetByTestId("csp-violations").Locator("li");
        return await items.CountAsync() == 0 ? [] : await items.AllInnerTextsAsync();
    }

    /// <summary>Opens one of the panels' tabs: output, state, transcript, csp, host or log.</summary>
    public Task OpenTabAsync(string tab) =>
        Page.GetByRole(AriaRole.Tab).Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex("^" + tab, System.Text.RegularExpressions.RegexOptions.IgnoreCase) }).ClickAsync();

    /// <summary>Saves a screenshot of the whole dev host as <c>{name}.png</c> in the screenshot folder; returns its path.</summary>
    public async Task<string> ScreenshotAsync(string name)
    {
        Directory.CreateDirectory(_options.ScreenshotFolder);
        var path = Path.Combine(_options.ScreenshotFolder, name + ".png");
        await Page.ScreenshotAsync(new() { Path = path });
        return path;
    }

    /// <summary>Throws when the page or the widget logged a console error or threw, listing them.</summary>
    /// <exception cref="InvalidOperationException">There were errors.</exception>
    public void AssertNoConsoleErrors()
    {
        var errors = ConsoleErrors;
        if (errors.Count > 0)
            throw new InvalidOperationException($"The dev host logged {errors.Count} console error(s):{Environment.NewLine}" + string.Join(Environment.NewLine, errors));
    }

    private Task WaitForToolsAsync() => Page.Locator("[data-tool]").First.WaitForAsync();

    /// <summary>Until the tools are listed, or the page waits for sign-in (a server that needs it answered 401).</summary>
    private Task WaitForToolsOrSignInAsync() =>
        Page.Locator("[data-tool], [data-testid=sign-in]:not([data-phase=idle])").First.WaitForAsync();

    /// <summary>The sign-in popup: one the page opened that is still open, else the one Continue sign-in opens.</summary>
    private async Task<IPage> SignInPopupAsync()
    {
        var deadline = DateTime.UtcNow + _options.Timeout;
        var continued = false;
        var before = 0;
        while (DateTime.UtcNow < deadline)
        {
            var error = SignInArea.GetByTestId("sign-in-error");
            if (await error.IsVisibleAsync()) throw new InvalidOperationException($"The dev host's sign-in failed: {await error.InnerTextAsync()}");
            var blocked = SignInArea.GetByRole(AriaRole.Button, new() { Name = "Continue sign-in" });
            if (!continued && await blocked.IsVisibleAsync())
            {
                // The popup this click opens, not one left open from before.
                before = _popups.Count;
                await blocked.ClickAsync();
                continued = true;
            }
            if (_popups.Skip(before).LastOrDefault(p => !p.IsClosed) is { } open) return open;
            await Task.Delay(50);
        }
        throw new TimeoutException($"The dev host opened no sign-in popup within {_options.Timeout}.");
    }

    /// <summary>Whether <paramref name="locator"/> shows before the popup closes.</summary>
    private static async Task<bool> ShowsAsync(ILocator locator, Task closed, TimeSpan timeout)
    {
        var shown = locator.First.WaitForAsync(new() { Timeout = (float)timeout.TotalMilliseconds });
        var first = await Task.WhenAny(shown, closed);
        if (first == shown)
        {
            await shown;
            return true;
        }
        _ = shown.ContinueWith(t => t.Exception, TaskScheduler.Default);
        return false;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await Page.Context.CloseAsync();
}

