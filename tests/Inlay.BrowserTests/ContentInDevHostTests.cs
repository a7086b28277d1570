namespace Inlay.BrowserTests;

/// <summary>The Content sample (a Razor Page as the widget) in the dev host, in both host modes.</summary>
public sealed class ContentInDevHostTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private SampleServer _app = null!;

    public async Task InitializeAsync() => _app = await SampleServer.StartAsync("Content");

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData(DevHostMode.McpApps)]
    [InlineData(DevHostMode.ChatGpt)]
    public async Task The_article_renders_navigates_client_side_opens_external_links_through_the_host_restyles_and_goes_fullscreen(DevHostMode mode)
    {
        await using var host = await browser.Browser.OpenAsync(_app.BaseAddress, mode);
        var name = $"content-{mode}";

        await host.CallToolAsync("show_content", new Dictionary<string, string> { ["name"] = "app-pages" });
        var widget = host.Widget;
        await Assertions.Expect(widget.Locator("main h1")).ToHaveTextAsync("Pages of your app as widgets");
        await host.ScreenshotAsync($"{name}-1-article");

        // A second page by client-side navigation, in the same document.
        await widget.Locator("body").EvaluateAsync("() => { window.__sameDocument = true; }");
        await widget.Locator("main a", new() { HasText = "Widget security" }).ClickAsync();
        await Assertions.Expect(widget.Locator("main h1")).ToHaveTextAsync("Widget security");
        Assert.True(await widget.Locator("body").EvaluateAsync<bool>("() => window.__sameDocument === true"));
        await host.ScreenshotAsync($"{name}-2-second-page");

        // An external link goes to the host.
        await widget.Locator("main a", new() { HasText = "OpenAI Apps SDK reference" }).ClickAsync();
        await Assertions.Expect(widget.Locator("main h1")).ToHaveTextAsync("Widget security");
        Assert.Contains(await host.TranscriptAsync(), line => line.Contains("https://developers.openai.com/apps-sdk/reference"));

        // The host's theme restyles the page, and its fullscreen button asks the host for fullscreen.
        var lightBackground = await widget.Locator("body").EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor");
        await host.SetThemeAsync("dark");
        await Assertions.Expect(widget.Locator("body")).ToHaveAttributeAsync("data-theme", "dark");
        Assert.NotEqual(lightBackground, await widget.Locator("body").EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor"));
        await widget.GetByRole(AriaRole.Button, new() { Name = "Fullscreen" }).ClickAsync();
        await Assertions.Expect(host.Page.Locator(".widget-holder")).ToHaveAttributeAsync("data-display-mode", "fullscreen");
        await Assertions.Expect(widget.GetByRole(AriaRole.Button, new() { Name = "Fullscreen" })).ToBeHiddenAsync();
        await host.ScreenshotAsync($"{name}-3-dark-fullscreen");

        Assert.Empty(await host.CspViolationsAsync());
        host.AssertNoConsoleErrors();
    }
}
