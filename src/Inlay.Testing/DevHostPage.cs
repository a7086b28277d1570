using System.Collections.Concurrent;
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
    private readonly ConcurrentQueue<string> _errors = new();
    private readonly ConcurrentQueue<string> _failedRequests = new();

    internal DevHostPage(IPage page, Uri address, DevHostMode mode, DevHostBrowserOptions options)
    {
        Page = page;
        Mode = mode;
        _address = address;
        _options = options;
        page.Console += (_, message) =>
        {
            if (message.Type == "error") _errors.Enqueue(message.Text);
        };
        page.PageError += (_, error) => _errors.Enqueue(error);
        page.RequestFailed += (_, request) =>
        {
            // A request the page cancelled itself is no failure: the MCP client closes each response stream once it
            // has read its answer, sometimes before the server's end of the stream arrives.
            if (request.Failure != "net::ERR_ABORTED") _failedRequests.Enqueue($"{request.Method} {request.Url}: {request.Failure}");
        };
        page.Response += (_, response) =>
        {
            if (response.Status >= 400) _failedRequests.Enqueue($"{response.Request.Method} {response.Url}: {response.Status}");
        };
    }

    /// <summary>The Playwright page, for anything the helpers do not cover.</summary>
    public IPage Page { get; }

    /// <summary>The host mode the page was opened in.</summary>
    public DevHostMode Mode { get; }

    /// <summary>The widget's document: the frame inside the sandbox proxy's frame.</summary>
    public IFrameLocator Widget => Page.FrameLocator("[data-testid=widget-frame]").FrameLocator("iframe");

    /// <summary>Console errors and uncaught exceptions so far, from the page and the widget.</summary>
    public IReadOnlyList<string> ConsoleErrors => [.. _errors];

    /// <summary>
    /// Requests so far, from the page and the widget, that failed (refused, reset, blocked by the CSP) or were answered
    /// with an HTTP error status (400 or more): method, URL and the failure or status. Requests the page cancelled
    /// itself are left out.
    /// </summary>
    public IReadOnlyList<string> FailedRequests => [.. _failedRequests];

    internal async Task LoadAsync()
    {
        var mode = Mode == DevHostMode.ChatGpt ? "chatgpt" : "apps";
        await Page.GotoAsync(new UriBuilder(_address) { Query = "mode=" + mode }.Uri.ToString());
        await WaitForToolsAsync();
    }

    /// <summary>
    /// Calls a tool through the dev host's form, as a person would: picks the tool, types each argument (text, a
    /// choice, "true"/"false" for a check box, JSON for nested values), presses Call and waits for the result, and for
    /// the widget's document when the tool has one.
    /// </summary>
    public async Task CallToolAsync(string tool, IReadOnlyDictionary<string, string>? arguments = null)
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
        var before = await Page.Locator("main.stage").GetAttributeAsync("data-call") ?? "";
        await Page.Locator("form.tool-form button[type=submit]").ClickAsync();
        await Page.WaitForFunctionAsync(
            "before => { const now = document.querySelector('main.stage')?.dataset.call; return now && now !== before; }", before);
        if (await Page.Locator("main.stage").GetAttributeAsync("data-widget") == "true")
            await Widget.Locator("body").WaitForAsync();
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
        await WaitForToolsAsync();
        if (await Page.Locator("main.stage").GetAttributeAsync("data-widget") == "true")
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

    /// <summary>Opens one of the panels' tabs: output, state, transcript, csp or log.</summary>
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

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await Page.Context.CloseAsync();
}
