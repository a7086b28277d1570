using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Inlay.BrowserTests.Probe;

namespace Inlay.BrowserTests;

/// <summary>What the dev host does for a widget, checked with a widget that speaks the bare protocol.</summary>
public sealed class DevHostTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private ProbeApp _app = null!;

    public async Task InitializeAsync() => _app = await ProbeApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData(DevHostMode.McpApps)]
    [InlineData(DevHostMode.ChatGpt)]
    public async Task The_dev_host_opens_and_renders_a_widget_with_no_console_error_and_no_failed_request(DevHostMode mode)
    {
        await using var host = await browser.Browser.OpenAsync(_app.BaseAddress, mode);
        await host.CallToolAsync("show_probe");
        await Assertions.Expect(host.Widget.Locator("#status")).ToHaveTextAsync("result: hi");
        Assert.Empty(host.ConsoleErrors);
        Assert.Empty(host.FailedRequests);
    }

    [Theory]
    [InlineData(DevHostMode.McpApps)]
    [InlineData(DevHostMode.ChatGpt)]
    public async Task Follow_ups_and_link_requests_reach_the_transcript_and_a_model_only_tool_is_refused(DevHostMode mode)
    {
        await using var host = await browser.Browser.OpenAsync(_app.BaseAddress, mode);
        await host.CallToolAsync("show_probe", new Dictionary<string, string> { ["text"] = "hello probe" });
        var widget = host.Widget;
        await Assertions.Expect(widget.Locator("#status")).ToHaveTextAsync("result: hello probe");

        await widget.Locator("#follow").ClickAsync();
        await Assertions.Expect(widget.Locator("#out")).ToHaveTextAsync("sent");
        await widget.Locator("#link").ClickAsync();
        await Assertions.Expect(widget.Locator("#out")).ToHaveTextAsync("asked");
        var transcript = await host.TranscriptAsync();
        Assert.Contains(transcript, e => e.Contains("Follow-up message") && e.Contains("Summarize the probe"));
        Assert.Contains(transcript, e => e.Contains("Open link (not followed)") && e.Contains("https://example.com/docs"));
        Assert.Single(host.Page.Context.Pages);
        Assert.StartsWith(_app.BaseAddress.ToString(), host.Page.Url);

        await widget.Locator("#secret").ClickAsync();
        await Assertions.Expect(widget.Locator("#out")).ToHaveTextAsync(new Regex("^refused: Tool \"secret_tool\" cannot be called from a widget"));
        if (mode == DevHostMode.ChatGpt)
        {
            await widget.Locator("#openai-secret").ClickAsync();
            await Assertions.Expect(widget.Locator("#out")).ToHaveTextAsync(new Regex("^refused: Tool \"secret_tool\" cannot be called from a widget"));
        }
        await host.ScreenshotAsync($"devhost-{mode}-transcript");
        host.AssertNoConsoleErrors();
    }

    [Theory]
    [InlineData(DevHostMode.McpApps, "ui theme: dark")]
    [InlineData(DevHostMode.ChatGpt, "openai theme: dark")]
    public async Task Theme_changes_reach_the_widget_the_way_the_mode_delivers_them(DevHostMode mode, string expected)
    {
        await using var host = await browser.Browser.OpenAsync(_app.BaseAddress, mode);
        await host.CallToolAsync("show_probe");
        await Assertions.Expect(host.Widget.Locator("#status")).ToHaveTextAsync("result: hi");
        await host.SetThemeAsync("dark");
        await Assertions.Expect(host.Widget.Locator("#theme")).ToHaveTextAsync(expected);
        host.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task A_display_mode_request_is_granted_and_the_frame_takes_the_stage()
    {
        await using var host = await browser.Browser.OpenAsync(_app.BaseAddress);
        await host.CallToolAsync("show_probe");
        await Assertions.Expect(host.Widget.Locator("#status")).ToHaveTextAsync("result: hi");
        var inline = await host.Page.Locator(".widget-holder").BoundingBoxAsync();
        await host.Widget.Locator("#fullscreen").ClickAsync();
        await Assertions.Expect(host.Widget.Locator("#out")).ToHaveTextAsync("granted: fullscreen");
        var holder = host.Page.Locator(".widget-holder");
        await Assertions.Expect(holder).ToHaveAttributeAsync("data-display-mode", "fullscreen");
        Assert.Equal("fullscreen", await host.Page.GetByLabel("Display mode").InputValueAsync());
        var stage = await host.Page.Locator("main.stage").BoundingBoxAsync();
        await Assertions.Expect(holder).ToHaveCSSAsync("height", $"{Math.Floor(stage!.Height - 72)}px");
        var fullscreen = await holder.BoundingBoxAsync();
        Assert.True(fullscreen!.Width > inline!.Width && fullscreen.Height > inline.Height, $"inline {inline.Width}x{inline.Height}, fullscreen {fullscreen.Width}x{fullscreen.Height}");
        await host.ScreenshotAsync("devhost-fullscreen");
    }

    [Fact]
    public async Task Edited_output_is_sent_to_the_widget_as_a_new_result()
    {
        await using var host = await browser.Browser.OpenAsync(_app.BaseAddress);
        await host.CallToolAsync("show_probe");
        await host.OpenTabAsync("output");
        await host.Page.GetByLabel("Tool output").FillAsync("""{ "text": "edited live" }""");
        await host.Page.GetByRole(AriaRole.Button, new() { Name = "Apply output" }).ClickAsync();
        await Assertions.Expect(host.Widget.Locator("#status")).ToHaveTextAsync("result: edited live");
    }

    [Fact]
    public async Task An_asset_outside_the_declared_domains_is_blocked_and_listed()
    {
        await using var host = await browser.Browser.OpenAsync(_app.BaseAddress);
        await host.CallToolAsync("show_probe");
        await host.Widget.Locator("#image").ClickAsync();
        await Assertions.Expect(host.Page.GetByTestId("csp-banner")).ToBeVisibleAsync();
        var violations = await host.CspViolationsAsync();
        Assert.Contains(violations, v => v.Contains("img-src") && v.Contains("https://blocked.example.com/pixel.png"));
        await host.ScreenshotAsync("devhost-csp-violation");
        // The browser also reports the refusal on the console; nothing else may be there.
        Assert.All(host.ConsoleErrors, e => Assert.Contains("Content Security Policy", e));
    }

    [Fact]
    public async Task The_dev_host_and_its_sandbox_are_served_in_Development_and_the_sandbox_serves_nothing_else()
    {
        using var http = new HttpClient { BaseAddress = _app.BaseAddress };
        var page = await http.GetAsync("/_inlay/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<title>Inlay dev host</title>", await page.Content.ReadAsStringAsync());
        var redirect = await new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = _app.BaseAddress }.GetAsync("/_inlay?mode=chatgpt");
        Assert.Equal("/_inlay/?mode=chatgpt", redirect.Headers.Location?.ToString());

        using var config = JsonDocument.Parse(await http.GetStringAsync("/_inlay/devhost.json"));
        Assert.Equal("/mcp", config.RootElement.GetProperty("mcpUrl").GetString());
        var sandbox = new Uri(config.RootElement.GetProperty("sandboxUrl").GetString()!);
        Assert.Equal("127.0.0.1", sandbox.Host);
        Assert.NotEqual(_app.BaseAddress.Port, sandbox.Port);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(sandbox)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(new Uri(sandbox, "/index.html"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(new Uri(sandbox, "/mcp"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/_inlay/no-such-file.js")).StatusCode);

        // The host profiles the Host menu plays: HostProfiles.ToJson().
        using var hosts = JsonDocument.Parse(await http.GetStringAsync("/_inlay/hosts.json"));
        Assert.Equal(["chatgpt", "claude", "mcp-apps"], hosts.RootElement.GetProperty("hosts").EnumerateArray().Select(h => h.GetProperty("id").GetString()));
        Assert.Equal(HostProfiles.ToJson(indented: false), hosts.RootElement.GetRawText());
    }

    [Fact]
    public async Task Outside_Development_there_is_no_dev_host()
    {
        await using var production = await ProbeApp.StartAsync("Production");
        using var http = new HttpClient { BaseAddress = production.BaseAddress };
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/_inlay/")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/_inlay/devhost.json")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/_inlay/hosts.json")).StatusCode);
    }
}
