using Inlay.Testing;
using Inlay.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Server;

namespace Inlay.Tests.BadInput;

public sealed class ToolCallErrorTests
{
    public sealed record Order(string Id, int Quantity);

    public enum Size { Small, Medium, Large }

    public sealed class OrderTools
    {
        [McpServerTool(Name = "place_order", ReadOnly = false, Destructive = false, OpenWorld = false)]
        [WidgetTool("ui://widget/order.html")]
        public static WidgetResult<Order> Place(string item, int quantity, Size size = Size.Medium) => new(new Order(item, quantity), $"Ordered {quantity} {size} {item}.");

        [McpServerTool(Name = "explode", ReadOnly = true, Destructive = false, OpenWorld = false)]
        [WidgetTool("ui://widget/order.html")]
        public static WidgetResult<Order> Explode() =>
            throw new InvalidOperationException("Connection string Server=db;Password=hunter2 rejected");
    }

    private static Task<LoopbackApp> StartAsync() => LoopbackApp.StartAsync(
        b => b.Services.AddMcpServer().WithHttpTransport().WithInlay()
            .WithWidget("ui://widget/order.html", WidgetHtmlSource.FromString("<p>order</p>"))
            .WithWidgetTools<OrderTools>(),
        a => a.MapInlay());

    [Fact]
    public async Task Unknown_tool_is_an_error_naming_the_tool()
    {
        await using var app = await StartAsync();
        var message = await app.Mcp().RequestAsync("tools/call", new { name = "no_such_tool", arguments = new { } });
        var error = message.GetProperty("error");
        Assert.Equal(-32602, error.GetProperty("code").GetInt32());
        Assert.Contains("no_such_tool", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_tool_that_throws_gives_a_safe_error_result_and_the_exception_is_logged()
    {
        await using var app = await StartAsync();
        var result = await app.Mcp().ResultAsync("tools/call", new { name = "explode", arguments = new { } });
        Assert.True(result.GetProperty("isError").GetBoolean());
        var text = result.GetProperty("content")[0].GetProperty("text").GetString()!;
        Assert.Contains("explode", text);
        Assert.DoesNotContain("hunter2", text);
        Assert.DoesNotContain("InvalidOperationException", text);
        Assert.Contains(app.Logs.Entries, e => e.Level >= LogLevel.Warning && e.Exception is InvalidOperationException);

        var after = await app.Mcp().ResultAsync("tools/call", new { name = "place_order", arguments = new { item = "tea", quantity = 1 } });
        Assert.False(after.TryGetProperty("isError", out var isError) && isError.GetBoolean());
    }

    [Theory]
    [InlineData("{}", "item")]
    [InlineData("""{"item":"tea"}""", "quantity")]
    [InlineData("""{"item":"tea","quantity":"many"}""", "quantity")]
    [InlineData("""{"item":"tea","quantity":1.5}""", "quantity")]
    [InlineData("""{"item":42,"quantity":1}""", "item")]
    [InlineData("""{"item":null,"quantity":1}""", "item")]
    [InlineData("""{"item":"tea","quantity":1,"size":"Huge"}""", "size")]
    public async Task Arguments_that_do_not_fit_the_schema_are_an_error_result_naming_the_argument(string arguments, string argument)
    {
        await using var app = await StartAsync();
        var body = """{"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"place_order","arguments":ARGS}}""".Replace("ARGS", arguments);
        var response = await app.Mcp().PostAsync(body);
        Assert.True(response.IsSuccessStatusCode, $"HTTP {(int)response.StatusCode}");
        var result = (await McpHttp.ReadMessageAsync(response)).GetProperty("result");
        Assert.True(result.GetProperty("isError").GetBoolean());
        var text = result.GetProperty("content")[0].GetProperty("text").GetString()!;
        Assert.Contains($"'{argument}'", text);
        Assert.Contains("place_order", text);
    }
}
