using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Inlay.Testing;
using Inlay.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Inlay.Tests.Hosts;

/// <summary><c>ui.domain</c> and <c>openai/widgetDomain</c> take the calling host's form on <c>resources/read</c>.</summary>
public sealed class HostDomainWireTests
{
    private const string Declared = "https://widgets.example.com";
    private const string Uri = "ui://widget/card.html";

    private static Task<LoopbackApp> StartAsync(string? domain = Declared, Action<InlayOptions>? configure = null, WidgetDialects? dialects = null) =>
        LoopbackApp.StartAsync(
            b => b.Services.AddMcpServer().WithHttpTransport().WithInlay(configure)
                .WithWidget(Uri, WidgetHtmlSource.FromString("<!doctype html><p>card</p>"), w =>
                {
                    w.Domain = domain;
                    w.Dialects = dialects;
                }),
            a => a.MapInlay());

    /// <summary>Computed here without Inlay: the first 32 hex digits of the SHA-256 of the endpoint URL.</summary>
    private static string ClaudeDomain(string endpointUrl) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(endpointUrl))).ToLowerInvariant()[..32] + ".claudemcpcontent.com";

    private static async Task<JsonElement> ReadAsync(LoopbackApp app, string? userAgent, string uri = Uri)
    {
        var body = $$$"""{"jsonrpc":"2.0","id":1,"method":"resources/read","params":{"uri":"{{{uri}}}"}}""";
        using var response = await app.Mcp().PostAsync(body, request =>
        {
            if (userAgent is not null) request.Headers.TryAddWithoutValidation("User-Agent", userAgent);
        });
        var message = await McpHttp.ReadMessageAsync(response);
        return message.GetProperty("result").GetProperty("contents")[0].GetProperty("_meta");
    }

    private static string? UiDomain(JsonElement meta) =>
        meta.GetProperty("ui").TryGetProperty("domain", out var domain) ? domain.GetString() : null;

    private static string? OpenAiDomain(JsonElement meta) =>
        meta.TryGetProperty("openai/widgetDomain", out var domain) ? domain.GetString() : null;

    [Fact]
    public async Task Claude_gets_the_hash_of_the_mcp_endpoint_url()
    {
        await using var app = await StartAsync();
        var expected = ClaudeDomain(new System.Uri(app.BaseAddress, "/mcp").ToString());

        var meta = await ReadAsync(app, "Claude-User");

        Assert.Equal(expected, UiDomain(meta));
        Assert.Equal(expected, OpenAiDomain(meta));
    }

    [Fact]
    public async Task The_hash_is_of_the_public_url_when_one_is_configured()
    {
        await using var app = await StartAsync(configure: o => o.PublicUrl = "https://myapp.example.com");
        var meta = await ReadAsync(app, "Claude-User");
        Assert.Equal(ClaudeDomain("https://myapp.example.com/mcp"), UiDomain(meta));
    }

    [Fact]
    public async Task ChatGpt_gets_the_declared_origin()
    {
        await using var app = await StartAsync();
        var meta = await ReadAsync(app, "openai-mcp/1.0.0");
        Assert.Equal(Declared, UiDomain(meta));
        Assert.Equal(Declared, OpenAiDomain(meta));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("curl/8.5.0")]
    public async Task Other_hosts_get_the_declared_value(string? userAgent)
    {
        await using var app = await StartAsync();
        var meta = await ReadAsync(app, userAgent);
        Assert.Equal(Declared, UiDomain(meta));
        Assert.Equal(Declared, OpenAiDomain(meta));
    }

    [Fact]
    public async Task Each_host_keeps_its_own_form_on_the_same_instance()
    {
        await using var app = await StartAsync();
        var claude = ClaudeDomain(new System.Uri(app.BaseAddress, "/mcp").ToString());
        Assert.Equal(claude, UiDomain(await ReadAsync(app, "Claude-User")));
        Assert.Equal(Declared, UiDomain(await ReadAsync(app, "openai-mcp/1.0.0")));
        Assert.Equal(claude, UiDomain(await ReadAsync(app, "Claude-User")));
        Assert.Equal(Declared, UiDomain(await ReadAsync(app, null)));
    }

    [Fact]
    public async Task Claude_gets_the_declared_value_when_it_is_not_targeted()
    {
        await using var app = await StartAsync(configure: o => o.Hosts.AddRange([HostIds.ChatGpt, HostIds.McpApps]));
        Assert.Equal(Declared, UiDomain(await ReadAsync(app, "Claude-User")));
    }

    [Fact]
    public async Task A_widget_without_a_domain_gets_none_in_any_host()
    {
        await using var app = await StartAsync(domain: null);
        foreach (var userAgent in new[] { "Claude-User", "openai-mcp/1.0.0", "curl/8.5.0" })
        {
            var meta = await ReadAsync(app, userAgent);
            Assert.Null(UiDomain(meta));
            Assert.Null(OpenAiDomain(meta));
        }
    }

    [Fact]
    public async Task The_skybridge_twin_takes_claudes_form_too()
    {
        await using var app = await StartAsync(dialects: WidgetDialects.Both);
        var meta = await ReadAsync(app, "Claude-User", "ui://widget/card.skybridge.html");
        Assert.Equal(ClaudeDomain(new System.Uri(app.BaseAddress, "/mcp").ToString()), UiDomain(meta));
    }

    [Fact]
    public async Task The_domain_appears_nowhere_but_the_read_content()
    {
        await using var app = await StartAsync();
        foreach (var method in new[] { "tools/list", "resources/list" })
        {
            using var response = await app.Mcp().PostAsync($$"""{"jsonrpc":"2.0","id":1,"method":"{{method}}"}""",
                request => request.Headers.TryAddWithoutValidation("User-Agent", "Claude-User"));
            var text = (await McpHttp.ReadMessageAsync(response)).GetRawText();
            Assert.DoesNotContain("claudemcpcontent", text);
            Assert.DoesNotContain("widgets.example.com", text);
        }
    }
}
