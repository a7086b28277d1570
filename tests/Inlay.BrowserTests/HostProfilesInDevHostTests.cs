using Inlay.BrowserTests.Probe;

namespace Inlay.BrowserTests;

/// <summary>The dev host's Host menu: each host profile as the probe widget meets it.</summary>
public sealed class HostProfilesInDevHostTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private ProbeApp _app = null!;

    public async Task InitializeAsync() => _app = await ProbeApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task The_Host_menu_lists_the_profiles_and_the_Host_tab_shows_how_the_dev_host_plays_Claude()
    {
        await using var host = await browser.Browser.OpenAsync(_app.BaseAddress);
        var menu = host.Page.GetByLabel("Host", new() { Exact = true });
        Assert.Equal(["ChatGPT", "Claude", "MCP Apps host"], await menu.Locator("option").AllInnerTextsAsync());
        await Assertions.Expect(menu).ToHaveValueAsync("mcp-apps");
        await Assertions.Expect(host.Page.GetByLabel("Declared CSP origins")).ToHaveCountAsync(0);
        Assert.Equal(["inline", "pip", "fullscreen"], await host.Page.GetByLabel("Display mode").Locator("option").AllInnerTextsAsync());

        await host.SetHostAsync(DevHostMode.Claude);
        Assert.Equal(["inline", "fullscreen"], await host.Page.GetByLabel("Display mode").Locator("option").AllInnerTextsAsync());
        await Assertions.Expect(host.Page.GetByLabel("Declared CSP origins")).ToHaveValueAsync("strict");
        await host.CallToolAsync("show_probe");
        await Assertions.Expect(host.Widget.Locator("#status")).ToHaveTextAsync("result: hi");

        Assert.Equal("#f0eee6", await host.HostStyleVariableAsync("--color-background-secondary"));
        var panel = host.Page.GetByTestId("host-profile");
        await Assertions.Expect(panel).ToHaveAttributeAsync("data-host", "claude");
        await Assertions.Expect(panel.Locator("h3").First).ToHaveTextAsync("Claude");
        await Assertions.Expect(panel.GetByTestId("host-client-info")).ToHaveTextAsync("""{"name":"claude-ai","version":"0.1.0"}""");
        await Assertions.Expect(panel.GetByTestId("host-limits")).ToContainTextAsync("Not imitated: the HTTP User-Agent (Claude sends one with Claude-User)");
        await Assertions.Expect(panel.GetByTestId("host-protocol")).ToContainTextAsync("MCP 2026-07-28: every request names the client");
        await Assertions.Expect(panel.GetByTestId("host-claude-domain")).ToHaveTextAsync(ClaudeDomain(new Uri(_app.BaseAddress, "/mcp")));
        await Assertions.Expect(panel.Locator("tr[data-fact=displayModes] td").First).ToHaveTextAsync("inline, fullscreen");
        await Assertions.Expect(panel.Locator("tr[data-fact=cspDomains] td").First).ToHaveTextAsync("disputed; played as reported: not applied");
        await Assertions.Expect(panel.GetByTestId("host-fonts")).ToContainTextAsync("font-family: \"Inlay Claude Sans\"");
        await host.ScreenshotAsync("hosts-1-claude-host-tab");

        await host.SetThemeAsync("dark");
        Assert.Equal("#1f1e1d", await host.HostStyleVariableAsync("--color-background-secondary"));

        await host.SetHostAsync(DevHostMode.ChatGpt);
        Assert.Null(await host.HostStyleVariableAsync("--color-background-secondary"));
        await Assertions.Expect(host.Page.GetByTestId("host-variables-none")).ToContainTextAsync("ChatGPT sends only the theme");
        await Assertions.Expect(host.Page.GetByTestId("host-request-meta")).ToContainTextAsync("\"openai/locale\":\"en-US\"");
        await Assertions.Expect(host.Page.GetByLabel("Declared CSP origins")).ToHaveCountAsync(0);
        await host.ScreenshotAsync("hosts-2-chatgpt-host-tab");
        host.AssertNoConsoleErrors();
    }

    [Theory]
    [InlineData(DevHostMode.McpApps, "inlay-devhost")]
    [InlineData(DevHostMode.ChatGpt, "openai-mcp")]
    [InlineData(DevHostMode.Claude, "claude-ai")]
    public async Task The_MCP_client_introduces_itself_as_the_host_played(DevHostMode mode, string clientName)
    {
        await using var host = await browser.Browser.OpenAsync(_app.BaseAddress, mode);
        await host.CallToolAsync("show_probe", new Dictionary<string, string> { ["text"] = "who" });
        var log = await host.MessageLogAsync();
        // MCP 2026-07-28 (the app speaks it): every request names the client and its capabilities in _meta.
        foreach (var request in log.Where(e => e.Channel == "mcp" && e.Direction == "out" && e.Message.TryGetProperty("id", out _)))
        {
            var sent = request.Message.GetProperty("params").GetProperty("_meta");
            Assert.Equal(clientName, sent.GetProperty("io.modelcontextprotocol/clientInfo").GetProperty("name").GetString());
            Assert.True(sent.GetProperty("io.modelcontextprotocol/clientCapabilities").GetProperty("extensions").TryGetProperty("io.modelcontextprotocol/ui", out _));
        }
        var call = log.Last(e => e.Channel == "mcp" && e.Label == "tools/call").Message.GetProperty("params");
        var meta = call.TryGetProperty("_meta", out var m) ? m : default;
        if (mode == DevHostMode.ChatGpt)
        {
            Assert.Equal("en-US", meta.GetProperty("openai/locale").GetString());
            Assert.False(string.IsNullOrEmpty(meta.GetProperty("openai/userAgent").GetString()));
        }
        else
        {
            Assert.False(meta.ValueKind == System.Text.Json.JsonValueKind.Object && meta.EnumerateObject().Any(p => p.Name.StartsWith("openai/", StringComparison.Ordinal)));
        }
        host.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task Claude_renders_a_widget_whose_domain_Inlay_computed_for_Claude_from_the_endpoint_it_called()
    {
        // The app targets every host, so it recognises the dev host's Claude by its client name and sends Claude's form.
        await using var host = await browser.Browser.OpenAsync(_app.BaseAddress, DevHostMode.Claude);
        await host.CallToolAsync("show_domain_probe");
        await Assertions.Expect(host.Widget.Locator("#status")).ToHaveTextAsync("result: domain");
        await Assertions.Expect(host.Page.GetByTestId("domain-error")).ToHaveCountAsync(0);
        await host.OpenTabAsync("host");
        var expected = ClaudeDomain(new Uri(_app.BaseAddress, "/mcp"));
        await Assertions.Expect(host.Page.GetByTestId("host-declared-domain")).ToHaveTextAsync(expected);
        await Assertions.Expect(host.Page.GetByTestId("host-claude-domain")).ToHaveTextAsync(expected);
        await host.ScreenshotAsync("hosts-3-claude-domain-accepted");
        host.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task Claude_refuses_a_declared_domain_in_another_form_and_shows_why_while_other_hosts_render_it()
    {
        // An app that does not target Claude sends it the declared domain unchanged, which Claude refuses.
        await using var app = await ProbeApp.StartAsync(hosts: ["chatgpt", "mcp-apps"]);
        await using var host = await browser.Browser.OpenAsync(app.BaseAddress, DevHostMode.Claude);
        await host.CallToolAsync("show_domain_probe");
        var error = host.Page.GetByTestId("domain-error");
        await Assertions.Expect(error).ToContainTextAsync(
            $"Invalid ui.domain format: expected \"{{hash}}.claudemcpcontent.com\", got \"{DomainWidget.Domain}\".");
        await Assertions.Expect(error).ToContainTextAsync(ClaudeDomain(new Uri(app.BaseAddress, "/mcp")));
        await Assertions.Expect(host.Page.GetByTestId("widget-frame")).ToHaveCountAsync(0);
        await host.ScreenshotAsync("hosts-4-claude-domain-refused");

        await host.SetHostAsync(DevHostMode.McpApps);
        await Assertions.Expect(host.Widget.Locator("#status")).ToHaveTextAsync("result: domain");
        await Assertions.Expect(error).ToHaveCountAsync(0);
        host.AssertNoConsoleErrors();
    }

    [Theory]
    [InlineData(DevHostMode.Claude, "inline")]
    [InlineData(DevHostMode.McpApps, "pip")]
    [InlineData(DevHostMode.ChatGpt, "pip")]
    public async Task A_pip_request_is_refused_in_Claude_and_granted_where_the_host_grants_it(DevHostMode mode, string granted)
    {
        await using var host = await browser.Browser.OpenAsync(_app.BaseAddress, mode);
        await host.CallToolAsync("show_probe");
        await Assertions.Expect(host.Widget.Locator("#status")).ToHaveTextAsync("result: hi");
        await host.Widget.Locator("#pip").ClickAsync();
        await Assertions.Expect(host.Widget.Locator("#out")).ToHaveTextAsync("granted: " + granted);
        await Assertions.Expect(host.Page.Locator(".widget-holder")).ToHaveAttributeAsync("data-display-mode", granted);
        var transcript = await host.TranscriptAsync();
        if (mode == DevHostMode.Claude)
            Assert.Contains(transcript, e => e.Contains("pip refused: Claude does not grant pip; answered {mode: \"inline\"}"));
        else
            Assert.DoesNotContain(transcript, e => e.Contains("refused"));
        await host.ScreenshotAsync($"hosts-5-pip-{mode}");
        host.AssertNoConsoleErrors();
    }

    private static string ClaudeDomain(Uri endpoint) => ClaudeDomainTests.ClaudeDomain(endpoint.ToString());
}
