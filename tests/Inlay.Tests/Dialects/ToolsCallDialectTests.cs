using Microsoft.AspNetCore.Builder;
using Inlay.Testing;
using Inlay.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Inlay.Tests.Dialects;

public sealed class ToolsCallDialectTests
{
    private static Task<LoopbackApp> StartAsync() =>
        LoopbackApp.StartAsync(
            b => b.Services.AddMcpServer().WithHttpTransport().WithInlay().WithWidgetTools<CatalogTools>(),
            app => app.MapInlay(),
            contentRoot: TestContentRoot.Create());

    [Fact]
    public async Task Widget_result_keeps_text_data_and_widget_meta_apart()
    {
        await using var app = await StartAsync();
        var result = await app.Mcp().ResultAsync("tools/call", new { name = "show_catalog", arguments = new { category = "tea", limit = 2 } });

        var content = Assert.Single(result.GetProperty("content").EnumerateArray());
        Assert.Equal("text", content.GetProperty("type").GetString());
        Assert.Equal("Showing 2 products in tea.", content.GetProperty("text").GetString());

        var data = result.GetProperty("structuredContent");
        Assert.Equal("tea", data.GetProperty("category").GetString());
        Assert.Equal(2, data.GetProperty("products").GetArrayLength());
        Assert.False(data.TryGetProperty("imagesById", out _));

        var meta = result.GetProperty("_meta");
        Assert.Equal("https://cdn.example.com/p1.webp", meta.GetProperty("imagesById").GetProperty("p1").GetString());
        Assert.Equal("catalog-tea", meta.GetProperty("openai/widgetSessionId").GetString());
        Assert.False(result.TryGetProperty("isError", out var isError) && isError.GetBoolean());
    }

    [Fact]
    public async Task Plain_data_return_becomes_structured_content_with_text_for_the_model()
    {
        await using var app = await StartAsync();
        var result = await app.Mcp().ResultAsync("tools/call", new { name = "plain_data", arguments = new { category = "tea" } });
        Assert.Equal("tea", result.GetProperty("structuredContent").GetProperty("category").GetString());
        Assert.Contains("tea", result.GetProperty("content")[0].GetProperty("text").GetString());
    }
}
