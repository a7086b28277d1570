using Microsoft.Extensions.Options;
using Inlay.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Inlay.Tests.Hosts;

/// <summary>Start-up warns, naming the widget and the host, about a declaration that cannot work in a targeted host.</summary>
public sealed class HostWarningTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "inlay-host-warnings-" + Guid.NewGuid().ToString("N"));

    public HostWarningTests()
    {
        var dist = Path.Combine(_root, "widgets", "card", "dist");
        Directory.CreateDirectory(Path.Combine(dist, "assets"));
        File.WriteAllText(Path.Combine(dist, "index.html"), "<!doctype html><html><head><script type=\"module\" src=\"./assets/app.js\"></script></head><body></body></html>");
        File.WriteAllText(Path.Combine(dist, "assets", "app.js"), "document.body.textContent = 'card';");
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private Task<LoopbackApp> StartAsync(Action<WidgetDeclaration> configure, WidgetHtmlSource? html = null, params string[] hosts) =>
        LoopbackApp.StartAsync(
            b =>
            {
                for (var i = 0; i < hosts.Length; i++) b.Configuration[$"Inlay:Hosts:{i}"] = hosts[i];
                b.Services.AddMcpServer().WithHttpTransport().WithInlay()
                    .WithWidget("ui://widget/card.html", html ?? WidgetHtmlSource.FromString("<!doctype html><p>card</p>"), configure);
            },
            a => a.MapInlay(),
            contentRoot: _root);

    private static List<string> Warnings(LoopbackApp app, HostRule rule) =>
        [.. app.Logs.Entries.Where(e => e.Level == LogLevel.Warning && e.Message.StartsWith($"[{rule.Id}]", StringComparison.Ordinal)).Select(e => e.Message)];

    [Fact]
    public async Task An_asset_folder_not_inlined_is_flagged_for_claude_only()
    {
        await using var app = await StartAsync(_ => { }, WidgetHtmlSource.FromAssetFolder("widgets/card/dist"));
        var warning = Assert.Single(Warnings(app, HostRules.ExternalOrigins));
        Assert.StartsWith("[IH002] widget 'ui://widget/card.html' in Claude:", warning);
        Assert.Contains("AssetInline", warning);
    }

    [Fact]
    public async Task An_inlined_asset_folder_is_not_flagged()
    {
        await using var app = await StartAsync(_ => { }, WidgetHtmlSource.FromAssetFolder("widgets/card/dist", inline: true));
        Assert.Empty(Warnings(app, HostRules.ExternalOrigins));
    }

    [Fact]
    public async Task Nothing_is_flagged_for_a_host_that_is_not_targeted()
    {
        await using var app = await StartAsync(w => w.DisplayModes = WidgetDisplayModes.All, WidgetHtmlSource.FromAssetFolder("widgets/card/dist"), HostIds.ChatGpt);
        Assert.DoesNotContain(app.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains(" in Claude:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Declared_connect_domains_are_flagged_for_claude()
    {
        await using var app = await StartAsync(w => w.Csp.ConnectDomains.Add("https://api.example.com"));
        var warning = Assert.Single(Warnings(app, HostRules.ExternalOrigins));
        Assert.Contains("in Claude:", warning);
        Assert.Contains("https://api.example.com", warning);
    }

    [Fact]
    public async Task Frame_domains_are_flagged_for_claude()
    {
        await using var app = await StartAsync(w => w.Csp.FrameDomains.Add("https://www.youtube.com"));
        var warning = Assert.Single(Warnings(app, HostRules.FrameDomains));
        Assert.StartsWith("[IH003] widget 'ui://widget/card.html' in Claude:", warning);
        Assert.Contains("https://www.youtube.com", warning);
    }

    [Fact]
    public async Task Picture_in_picture_is_flagged_for_claude_and_not_for_chatgpt()
    {
        await using var app = await StartAsync(w => w.DisplayModes = WidgetDisplayModes.Inline | WidgetDisplayModes.Pip);
        var warning = Assert.Single(Warnings(app, HostRules.DisplayMode));
        Assert.StartsWith("[IH004] widget 'ui://widget/card.html' in Claude:", warning);
        Assert.Contains("pip", warning);
    }

    [Fact]
    public async Task A_skybridge_only_widget_is_flagged_for_every_mcp_apps_host()
    {
        await using var app = await StartAsync(w => w.Dialects = WidgetDialects.Skybridge);
        var warnings = Warnings(app, HostRules.UnservedMimeType);
        Assert.Equal(2, warnings.Count);
        Assert.Contains(warnings, w => w.StartsWith("[IH001] widget 'ui://widget/card.html' in Claude:", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.StartsWith("[IH001] widget 'ui://widget/card.html' in MCP Apps host:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_domain_in_claudes_form_is_flagged_for_chatgpt()
    {
        await using var app = await StartAsync(w => w.Domain = "https://c3d80a4ed901ee05b21755a88273b4a4.claudemcpcontent.com");
        var warning = Assert.Single(Warnings(app, HostRules.DomainForm));
        Assert.StartsWith("[IH005] widget 'ui://widget/card.html' in ChatGPT:", warning);
    }

    [Fact]
    public async Task A_plain_widget_gets_no_host_warning()
    {
        await using var app = await StartAsync(w => w.Domain = "https://widgets.example.com");
        Assert.DoesNotContain(app.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.StartsWith("[IH", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unknown_host_id_fails_start_up_naming_it()
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(async () =>
        {
            await using var app = await StartAsync(_ => { }, null, HostIds.Claude, "copilot");
        });
        Assert.Contains("Inlay:Hosts names 'copilot'", failure.Message);
        Assert.Contains("chatgpt, claude, mcp-apps", failure.Message);
    }
}
