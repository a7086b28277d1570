using Microsoft.AspNetCore.Builder;
using System.Text.Json;
using Inlay.Testing;
using Inlay.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Inlay.Tests.Dialects;

public sealed class ResourcesDialectTests
{
    private static Task<LoopbackApp> StartAsync(Action<InlayOptions>? configure = null) =>
        LoopbackApp.StartAsync(
            b => b.Services.AddMcpServer().WithHttpTransport().WithInlay(configure).WithWidgetTools<CatalogTools>(),
            app => app.MapInlay(),
            contentRoot: TestContentRoot.Create());

    [Fact]
    public async Task Widgets_are_served_as_mcp_apps_resources_by_default()
    {
        await using var app = await StartAsync();
        var resources = (await app.Mcp().ResultAsync("resources/list")).GetProperty("resources").EnumerateArray().ToList();
        var catalog = Assert.Single(resources);
        Assert.StartsWith("ui://widget/catalog.html?v=", catalog.GetProperty("uri").GetString());
        Assert.Equal("text/html;profile=mcp-app", catalog.GetProperty("mimeType").GetString());
        Assert.Equal("Catalog", catalog.GetProperty("title").GetString());
        Assert.Equal("catalog", catalog.GetProperty("name").GetString());

        var read = await app.Mcp().ResultAsync("resources/read", new { uri = "ui://widget/catalog.html" });
        var contents = Assert.Single(read.GetProperty("contents").EnumerateArray());
        Assert.Equal("text/html;profile=mcp-app", contents.GetProperty("mimeType").GetString());
        Assert.Contains("<div id=root>", contents.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Contents_meta_carries_both_dialects_security_keys()
    {
        await using var app = await StartAsync();
        var read = await app.Mcp().ResultAsync("resources/read", new { uri = "ui://widget/catalog.html" });
        var meta = read.GetProperty("contents")[0].GetProperty("_meta");
        var origin = app.BaseAddress.GetLeftPart(UriPartial.Authority);

        var ui = meta.GetProperty("ui");
        var csp = ui.GetProperty("csp");
        Assert.Equal(["https://api.example.com"], Strings(csp.GetProperty("connectDomains")));
        Assert.Equal(["https://cdn.example.com", origin], Strings(csp.GetProperty("resourceDomains")));
        Assert.Equal(["https://frames.example.com"], Strings(csp.GetProperty("frameDomains")));
        Assert.Equal(["https://base.example.com"], Strings(csp.GetProperty("baseUriDomains")));
        Assert.True(ui.GetProperty("prefersBorder").GetBoolean());
        Assert.Equal("https://catalog.example.com", ui.GetProperty("domain").GetString());
        var permissions = ui.GetProperty("permissions");
        Assert.Equal(JsonValueKind.Object, permissions.GetProperty("camera").ValueKind);
        Assert.Equal(JsonValueKind.Object, permissions.GetProperty("clipboardWrite").ValueKind);
        Assert.False(permissions.TryGetProperty("microphone", out _));

        var openAiCsp = meta.GetProperty("openai/widgetCSP");
        Assert.Equal(["https://api.example.com"], Strings(openAiCsp.GetProperty("connect_domains")));
        Assert.Equal(["https://cdn.example.com", origin], Strings(openAiCsp.GetProperty("resource_domains")));
        Assert.Equal(["https://frames.example.com"], Strings(openAiCsp.GetProperty("frame_domains")));
        Assert.Equal(["https://checkout.example.com"], Strings(openAiCsp.GetProperty("redirect_domains")));
        Assert.True(meta.GetProperty("openai/widgetPrefersBorder").GetBoolean());
        Assert.Equal("Shows the products; do not list them again.", meta.GetProperty("openai/widgetDescription").GetString());
        Assert.Equal("https://catalog.example.com", meta.GetProperty("openai/widgetDomain").GetString());
    }

    [Fact]
    public async Task Domain_is_left_out_when_not_declared()
    {
        await using var app = await LoopbackApp.StartAsync(
            b => b.Services.AddMcpServer().WithHttpTransport().WithInlay()
                .WithWidget("ui://widget/plain.html", WidgetHtmlSource.FromString("<!doctype html><p>plain</p>")),
            a => a.MapInlay());
        var meta = (await app.Mcp().ResultAsync("resources/read", new { uri = "ui://widget/plain.html" })).GetProperty("contents")[0].GetProperty("_meta");
        Assert.False(meta.GetProperty("ui").TryGetProperty("domain", out _));
        Assert.False(meta.TryGetProperty("openai/widgetDomain", out _));
        Assert.False(meta.GetProperty("ui").TryGetProperty("prefersBorder", out _));
        Assert.False(meta.GetProperty("openai/widgetCSP").TryGetProperty("redirect_domains", out _));
    }

    [Fact]
    public async Task Skybridge_can_be_chosen_globally()
    {
        await using var app = await StartAsync(o => o.DefaultDialects = WidgetDialects.Skybridge);
        var resource = Assert.Single((await app.Mcp().ResultAsync("resources/list")).GetProperty("resources").EnumerateArray());
        Assert.Equal("text/html+skybridge", resource.GetProperty("mimeType").GetString());
        var read = await app.Mcp().ResultAsync("resources/read", new { uri = "ui://widget/catalog.html" });
        Assert.Equal("text/html+skybridge", read.GetProperty("contents")[0].GetProperty("mimeType").GetString());
    }

    [Fact]
    public async Task Both_dialects_serve_two_resources_and_point_each_key_at_its_own()
    {
        await using var app = await StartAsync(o => o.DefaultDialects = WidgetDialects.Both);
        var resources = (await app.Mcp().ResultAsync("resources/list")).GetProperty("resources").EnumerateArray()
            .ToDictionary(r => Unversioned(r.GetProperty("uri").GetString()!), r => r.GetProperty("mimeType").GetString());
        Assert.Equal("text/html;profile=mcp-app", resources["ui://widget/catalog.html"]);
        Assert.Equal("text/html+skybridge", resources["ui://widget/catalog.skybridge.html"]);

        var tool = (await app.Mcp().ResultAsync("tools/list")).GetProperty("tools").EnumerateArray().First(t => t.GetProperty("name").GetString() == "show_catalog");
        var meta = tool.GetProperty("_meta");
        Assert.StartsWith("ui://widget/catalog.html?v=", meta.GetProperty("ui").GetProperty("resourceUri").GetString());
        Assert.StartsWith("ui://widget/catalog.skybridge.html?v=", meta.GetProperty("openai/outputTemplate").GetString());

        var twin = await app.Mcp().ResultAsync("resources/read", new { uri = "ui://widget/catalog.skybridge.html" });
        Assert.Equal("text/html+skybridge", twin.GetProperty("contents")[0].GetProperty("mimeType").GetString());
        Assert.True(twin.GetProperty("contents")[0].GetProperty("_meta").TryGetProperty("openai/widgetCSP", out _));
    }

    [Fact]
    public async Task A_widget_can_choose_its_own_dialect()
    {
        await using var app = await LoopbackApp.StartAsync(
            b => b.Services.AddMcpServer().WithHttpTransport().WithInlay()
                .WithWidget("ui://widget/a.html", WidgetHtmlSource.FromString("<p>a</p>"))
                .WithWidget("ui://widget/b.html", WidgetHtmlSource.FromString("<p>b</p>"), w => w.Dialects = WidgetDialects.Skybridge),
            a => a.MapInlay());
        var resources = (await app.Mcp().ResultAsync("resources/list")).GetProperty("resources").EnumerateArray()
            .ToDictionary(r => Unversioned(r.GetProperty("uri").GetString()!), r => r.GetProperty("mimeType").GetString());
        Assert.Equal("text/html;profile=mcp-app", resources["ui://widget/a.html"]);
        Assert.Equal("text/html+skybridge", resources["ui://widget/b.html"]);
    }

    [Fact]
    public async Task Unknown_resource_is_a_json_rpc_error()
    {
        await using var app = await StartAsync();
        var message = await app.Mcp().RequestAsync("resources/read", new { uri = "ui://widget/missing.html" });
        Assert.True(message.TryGetProperty("error", out var error));
        Assert.Contains("ui://widget/missing.html", error.GetProperty("message").GetString());
    }

    private static string Unversioned(string uri) => uri.Split("?v=")[0];

    private static string[] Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];
}

public sealed class WidgetRenderCacheTests
{
    /// <summary>Counts how often the document is read.</summary>
    private sealed class CountingSource : WidgetHtmlSource
    {
        public int Reads;

        public override string Description => "counting source";

        public override ValueTask<string> ReadAsync(Microsoft.Extensions.FileProviders.IFileProvider contentRoot, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref Reads);
            return ValueTask.FromResult("<!doctype html><script src=\"app.js\"></script>");
        }
    }

    [Fact]
    public async Task A_stateless_server_renders_each_widget_once_not_per_request()
    {
        var source = new CountingSource();
        await using var app = await LoopbackApp.StartAsync(
            b => b.Services.AddMcpServer().WithHttpTransport(o => o.Stateless = true).WithInlay().WithWidget("ui://widget/counted.html", source),
            a => a.MapInlay());
        var afterStartup = source.Reads;
        for (var i = 0; i < 5; i++)
            Assert.Contains("/app.js", (await app.Mcp().ResultAsync("resources/read", new { uri = "ui://widget/counted.html" })).GetProperty("contents")[0].GetProperty("text").GetString());
        Assert.Equal(afterStartup + 1, source.Reads);
    }
}
