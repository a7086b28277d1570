using System.ComponentModel;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Inlay.Tests.Parity;

/// <summary>
/// Tool methods built both by the SDK (<c>McpServerTool.Create</c>) and by Inlay (<c>WithWidgetTools</c>): names, attributes,
/// descriptions and output schemas. Every method is a widget tool of the class's one widget.
/// </summary>
[Widget("ui://widget/parity.html", HtmlFile = "widgets/catalog.html")]
public sealed class ParityTools
{
    public sealed record Order(string Id, int Quantity);

    // Names derived from the method.
    [McpServerTool, WidgetTool]
    public static string GetUserName() => "ada";

    [McpServerTool, WidgetTool]
    public static Task<string> FetchOrdersAsync() => Task.FromResult("orders");

    [McpServerTool, WidgetTool]
    public static ValueTask<string> LoadAsync() => ValueTask.FromResult("loaded");

    [McpServerTool, WidgetTool]
    public static string SyncAsync() => "not async, so the suffix stays";

    [McpServerTool, WidgetTool]
    public static Task Async() => Task.CompletedTask;

    [McpServerTool, WidgetTool]
    public static string HTMLParser2Go() => "acronyms and digits";

    [McpServerTool, WidgetTool]
    public static string get_weather__now() => "underscores";

    [McpServerTool(Name = "custom.name-1"), WidgetTool]
    public static string Explicit() => "explicit";

    // Title, annotation hints, icon, description and _meta.
    [McpServerTool(Title = "Show order", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false, IconSource = "https://example.com/order.png")]
    [Description("Shows an order.")]
    [McpMeta("example/tier", "gold")]
    [WidgetTool]
    public static string ShowOrder() => "order";

    [McpServerTool(ReadOnly = true), WidgetTool]
    public static string OnlyReadOnly() => "one hint";

    [McpServerTool(Destructive = true, OpenWorld = true), WidgetTool]
    public static string DestructiveOpenWorld() => "hints set to their defaults";

    [McpServerTool(Title = "Titled"), WidgetTool]
    public static string OnlyTitle() => "a title alone";

    [McpServerTool, WidgetTool]
    public static string NoHints() => "no hints";

    // Return descriptions.
    [McpServerTool, WidgetTool, Description("Counts.")]
    [return: Description("The count as text.")]
    public static string CountText() => "3";

    [McpServerTool, WidgetTool]
    [return: Description("The count as text.")]
    public static string CountTextOnly() => "3";

    // Structured content and output schemas.
    [McpServerTool(UseStructuredContent = true), WidgetTool, Description("Gets an order.")]
    [return: Description("The order.")]
    public static Order GetOrder() => new("o-1", 2);

    [McpServerTool(UseStructuredContent = true), WidgetTool]
    public static Task<Order> GetOrderLaterAsync() => Task.FromResult(new Order("o-2", 1));

    [McpServerTool(UseStructuredContent = true, OutputSchemaType = typeof(Order)), WidgetTool]
    public static CallToolResult GetOrderResult() => new() { Content = [new TextContentBlock { Text = "o-3" }] };

    [McpServerTool, WidgetTool]
    [return: Description("The order.")]
    public static Order GetOrderUnstructured() => new("o-4", 4);

    [McpServerTool(UseStructuredContent = true), WidgetTool]
    public static WidgetResult<Order> ShowOrderWidget() => new(new Order("o-5", 5), "Order o-5.");
}
