// The Hello sample's greet_user tool and greeting widget written directly on the C# MCP SDK, without Inlay:
// the same wire output (tool descriptor _meta, content + structuredContent, widget resource with CSP _meta),
// so bench/run can show what Inlay's layer costs.
using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using BareSdk;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

var builder = WebApplication.CreateBuilder(args);
builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);

var json = new JsonSerializerOptions(McpJsonUtilities.DefaultOptions);
json.TypeInfoResolverChain.Insert(0, BareJsonContext.Default);
json.MakeReadOnly();

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddHttpContextAccessor();
// The exact HTML the Hello sample answers resources/read with, captured from it by bench/run, so both send the same bytes.
var widgetHtmlPath = Environment.GetEnvironmentVariable("WIDGET_HTML")
    ?? throw new InvalidOperationException("Set WIDGET_HTML to the widget HTML file (bench/run captures it from the Hello sample).");
builder.Services.AddSingleton(new WidgetHtml(File.ReadAllText(widgetHtmlPath)));
builder.Services.AddMcpServer(options => options.ServerInfo = new() { Name = "hello-bare", Version = "1.0.0" })
    .WithHttpTransport(http => http.Stateless = true)
    .WithTools<GreetingTools>(json)
    .WithResources<GreetingResources>();

var app = builder.Build();
app.MapMcp("/mcp");
app.Run();

namespace BareSdk
{
    public sealed record WidgetHtml(string Text);

    public sealed record Greeting(string Message, string Name, DateTimeOffset GreetedAt, string? Locale);

    [JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
    [JsonSerializable(typeof(Greeting))]
    internal sealed partial class BareJsonContext : JsonSerializerContext;

    [McpServerToolType]
    public sealed class GreetingTools(TimeProvider clock)
    {
        [McpServerTool(Name = "greet_user", Title = "Greet a user", ReadOnly = true, Destructive = false, OpenWorld = false,
            Idempotent = true, UseStructuredContent = true, OutputSchemaType = typeof(Greeting))]
        [Description("Greets a person by name and shows the greeting in a card.")]
        [McpMeta("ui", JsonValue = """{"resourceUri":"ui://widget/greeting.html","visibility":["model","app"]}""")]
        [McpMeta("ui/resourceUri", "ui://widget/greeting.html")]
        [McpMeta("openai/outputTemplate", "ui://widget/greeting.html")]
        [McpMeta("openai/toolInvocation/invoking", "Writing a greeting…")]
        [McpMeta("openai/toolInvocation/invoked", "Greeting ready")]
        [McpMeta("openai/widgetAccessible", true)]
        [McpMeta("openai/visibility", "public")]
        public CallToolResult Greet(
            RequestContext<CallToolRequestParams> context,
            [Description("The name of the person to greet.")] string name)
        {
            var trimmed = name.Trim();
            if (trimmed.Length is 0 or > 100)
                throw new McpException("The name must be between 1 and 100 characters.");

            var meta = context.Params?.Meta;
            var locale = (meta?["openai/locale"] ?? meta?["webplus/i18n"]) is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
            var greeting = new Greeting($"Hello, {trimmed}!", trimmed, clock.GetUtcNow(), locale);
            return new CallToolResult
            {
                Content = [new TextContentBlock { Text = $"Greeted {trimmed}. The widget shows the greeting and when it was made." }],
                StructuredContent = JsonSerializer.SerializeToElement(greeting, BareJsonContext.Default.Greeting),
            };
        }
    }

    [McpServerResourceType]
    public sealed class GreetingResources(WidgetHtml html, IHttpContextAccessor http)
    {
        private const string Uri = "ui://widget/greeting.html";
        private const string Mime = "text/html;profile=mcp-app";
        private const string Description = "Shows the greeting and when it was made; no need to repeat it.";

        [McpServerResource(UriTemplate = Uri, Name = "greeting", Title = "Greeting", MimeType = Mime)]
        [Description("A card that greets someone by name.")]
        [McpMeta("ui", JsonValue = """{"prefersBorder":true}""")]
        [McpMeta("openai/widgetPrefersBorder", true)]
        [McpMeta("openai/widgetDescription", Description)]
        public ReadResourceResult Read()
        {
            var request = http.HttpContext?.Request;
            var origin = request is null ? null : $"{request.Scheme}://{request.Host}";
            JsonArray Origins() => origin is null ? new JsonArray() : new JsonArray(JsonValue.Create(origin));
            return new ReadResourceResult
            {
                Contents =
                [
                    new TextResourceContents
                    {
                        Uri = Uri, MimeType = Mime, Text = html.Text,
                        Meta = new JsonObject
                        {
                            ["ui"] = new JsonObject
                            {
                                ["csp"] = new JsonObject { ["connectDomains"] = new JsonArray(), ["resourceDomains"] = Origins() },
                                ["prefersBorder"] = true,
                            },
                            ["openai/widgetCSP"] = new JsonObject { ["connect_domains"] = new JsonArray(), ["resource_domains"] = Origins() },
                            ["openai/widgetPrefersBorder"] = true,
                            ["openai/widgetDescription"] = Description,
                        },
                    },
                ],
            };
        }
    }
}
