using System.ComponentModel;
using System.Text.Json;
using Inlay.Testing;
using Inlay.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.AspNetCore;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Inlay.Tests.Hints;

public sealed class ClientHintsTests
{
    /// <summary>Echoes the hints it was given, through each way a tool can receive them.</summary>
    public sealed class HintTools
    {
        [McpServerTool(Name = "widget_hints", ReadOnly = true, Destructive = false, OpenWorld = false)]
        [WidgetTool("ui://widget/hints.html")]
        public static WidgetResult<HintEcho> WidgetHints(ClientHints hints) => new(HintEcho.Of(hints), "hints");

        [McpServerTool(Name = "plain_hints", ReadOnly = true, Destructive = false, OpenWorld = false, UseStructuredContent = true)]
        [Description("A plain SDK tool taking hints from dependency injection.")]
        public static HintEcho PlainHints(ClientHints hints) => HintEcho.Of(hints);

        [McpServerTool(Name = "context_hints", ReadOnly = true, Destructive = false, OpenWorld = false, UseStructuredContent = true)]
        public static HintEcho ContextHints(RequestContext<CallToolRequestParams> context) => HintEcho.Of(context.GetClientHints());
    }

    public sealed record HintEcho(string? Locale, string? UserAgent, string? City, double? Latitude, string? Subject, string? Session, bool SupportsMcpApps, IReadOnlyList<string> MimeTypes)
    {
        public static HintEcho Of(ClientHints h) =>
            new(h.Locale, h.UserAgent, h.UserLocation?.City, h.UserLocation?.Latitude, h.Subject, h.Session, h.SupportsMcpApps, h.McpAppsMimeTypes);
    }

    private static Task<LoopbackApp> StartAsync(bool stateless = true) => LoopbackApp.StartAsync(
        b => b.Services.AddMcpServer().WithHttpTransport(o => o.Stateless = stateless).WithInlay()
            .WithWidget("ui://widget/hints.html", WidgetHtmlSource.FromString("<p>hints</p>"))
            .WithWidgetTools<HintTools>(),
        a => a.MapInlay());

    private static readonly object ChatGptMeta = new Dictionary<string, object>
    {
        ["openai/locale"] = "de-DE",
        ["openai/userAgent"] = "ChatGPT/1.2025 (iOS)",
        ["openai/userLocation"] = new { city = "Berlin", region = "BE", country = "DE", timezone = "Europe/Berlin", latitude = 52.52, longitude = 13.4 },
        ["openai/subject"] = "v1/abc",
        ["openai/session"] = "s-1",
    };

    [Theory]
    [InlineData("widget_hints")]
    [InlineData("plain_hints")]
    [InlineData("context_hints")]
    public async Task Tools_read_chatgpt_hints_as_one_typed_object(string tool)
    {
        await using var app = await StartAsync();
        var result = await app.Mcp().ResultAsync("tools/call", new Dictionary<string, object> { ["name"] = tool, ["arguments"] = new { }, ["_meta"] = ChatGptMeta });
        var echo = result.GetProperty("structuredContent");
        Assert.Equal("de-DE", echo.GetProperty("locale").GetString());
        Assert.Equal("ChatGPT/1.2025 (iOS)", echo.GetProperty("userAgent").GetString());
        Assert.Equal("Berlin", echo.GetProperty("city").GetString());
        Assert.Equal(52.52, echo.GetProperty("latitude").GetDouble());
        Assert.Equal("v1/abc", echo.GetProperty("subject").GetString());
        Assert.Equal("s-1", echo.GetProperty("session").GetString());
        Assert.False(echo.GetProperty("supportsMcpApps").GetBoolean());
    }

    [Fact]
    public async Task Older_clients_locale_key_is_read_too()
    {
        await using var app = await StartAsync();
        var result = await app.Mcp().ResultAsync("tools/call", new Dictionary<string, object>
        {
            ["name"] = "widget_hints", ["arguments"] = new { }, ["_meta"] = new Dictionary<string, object> { ["webplus/i18n"] = "ja-JP" },
        });
        Assert.Equal("ja-JP", result.GetProperty("structuredContent").GetProperty("locale").GetString());
    }

    [Fact]
    public async Task Hints_of_the_wrong_type_are_ignored_not_fatal()
    {
        await using var app = await StartAsync();
        var result = await app.Mcp().ResultAsync("tools/call", new Dictionary<string, object>
        {
            ["name"] = "widget_hints", ["arguments"] = new { },
            ["_meta"] = new Dictionary<string, object> { ["openai/locale"] = 42, ["openai/userLocation"] = "Berlin" },
        });
        var echo = result.GetProperty("structuredContent");
        Assert.Equal(JsonValueKind.Null, echo.GetProperty("locale").ValueKind);
        Assert.Equal(JsonValueKind.Null, echo.GetProperty("city").ValueKind);
    }

    [Fact]
    public async Task Mcp_apps_support_is_read_from_per_request_capabilities()
    {
        await using var app = await StartAsync();
        var result = await app.Mcp().ResultAsync("tools/call", new Dictionary<string, object>
        {
            ["name"] = "plain_hints", ["arguments"] = new { },
            ["_meta"] = new Dictionary<string, object>
            {
                ["io.modelcontextprotocol/clientCapabilities"] = new
                {
                    extensions = new Dictionary<string, object> { ["io.modelcontextprotocol/ui"] = new { mimeTypes = new[] { "text/html;profile=mcp-app" } } },
                },
            },
        });
        var echo = result.GetProperty("structuredContent");
        Assert.True(echo.GetProperty("supportsMcpApps").GetBoolean());
        Assert.Equal("text/html;profile=mcp-app", echo.GetProperty("mimeTypes")[0].GetString());
    }

    [Fact]
    public async Task Mcp_apps_support_is_read_from_initialize_in_a_session()
    {
        await using var app = await StartAsync(stateless: false);
        var transport = new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = new Uri(app.BaseAddress, "mcp"),
            TransportMode = HttpTransportMode.StreamableHttp,
        }, app.Http);
        await using var client = await McpClient.CreateAsync(transport, new McpClientOptions
        {
            ProtocolVersion = "2025-11-25",
            Capabilities = new ClientCapabilities
            {
                Extensions = new Dictionary<string, object>
                {
                    ["io.modelcontextprotocol/ui"] = JsonSerializer.SerializeToElement(new { mimeTypes = new[] { "text/html;profile=mcp-app" } }),
                },
            },
        });
        var result = await client.CallToolAsync("widget_hints", new Dictionary<string, object?>());
        Assert.True(result.StructuredContent!.Value.GetProperty("supportsMcpApps").GetBoolean());
    }
}
