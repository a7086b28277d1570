using Microsoft.AspNetCore.Builder;
using System.Text.Json;
using Inlay.Testing;
using Inlay.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Inlay.Tests.Dialects;

public sealed class ToolsListDialectTests : IAsyncLifetime
{
    private LoopbackApp _app = null!;
    private Dictionary<string, JsonElement> _tools = null!;

    public async Task InitializeAsync()
    {
        _app = await LoopbackApp.StartAsync(
            b => b.Services.AddMcpServer().WithHttpTransport().WithInlay().WithWidgetTools<CatalogTools>(),
            app => app.MapInlay(),
            contentRoot: TestContentRoot.Create());
        var result = await _app.Mcp().ResultAsync("tools/list");
        _tools = result.GetProperty("tools").EnumerateArray().ToDictionary(t => t.GetProperty("name").GetString()!);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public void Widget_tool_links_its_template_in_every_key_hosts_read()
    {
        var meta = _tools["show_catalog"].GetProperty("_meta");
        var template = meta.GetProperty("ui").GetProperty("resourceUri").GetString();
        Assert.Matches("^ui://widget/catalog\\.html\\?v=[0-9a-f]{12}$", template);
        Assert.Equal(template, meta.GetProperty("ui/resourceUri").GetString());
        Assert.Equal(template, meta.GetProperty("openai/outputTemplate").GetString());
    }

    [Fact]
    public void Status_texts_are_emitted_for_chatgpt()
    {
        var meta = _tools["show_catalog"].GetProperty("_meta");
        Assert.Equal("Loading the catalog…", meta.GetProperty("openai/toolInvocation/invoking").GetString());
        Assert.Equal("Catalog ready", meta.GetProperty("openai/toolInvocation/invoked").GetString());
        Assert.False(_tools["refresh_catalog"].GetProperty("_meta").TryGetProperty("openai/toolInvocation/invoking", out _));
    }

    [Theory]
    [InlineData("show_catalog", new[] { "model", "app" }, true, "public")]
    [InlineData("refresh_catalog", new[] { "app" }, true, "private")]
    [InlineData("plain_data", new[] { "model" }, false, "public")]
    public void Visibility_is_mirrored_to_the_legacy_keys(string tool, string[] visibility, bool widgetAccessible, string openAiVisibility)
    {
        var meta = _tools[tool].GetProperty("_meta");
        Assert.Equal(visibility, meta.GetProperty("ui").GetProperty("visibility").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal(widgetAccessible, meta.GetProperty("openai/widgetAccessible").GetBoolean());
        Assert.Equal(openAiVisibility, meta.GetProperty("openai/visibility").GetString());
    }

    [Fact]
    public void Annotations_carry_every_hint_that_was_set()
    {
        var annotations = _tools["show_catalog"].GetProperty("annotations");
        Assert.True(annotations.GetProperty("readOnlyHint").GetBoolean());
        Assert.False(annotations.GetProperty("destructiveHint").GetBoolean());
        Assert.False(annotations.GetProperty("openWorldHint").GetBoolean());
        Assert.True(annotations.GetProperty("idempotentHint").GetBoolean());
        Assert.False(_tools["refresh_catalog"].GetProperty("annotations").TryGetProperty("idempotentHint", out _));
    }

    [Fact]
    public void Output_schema_describes_the_widget_data_not_the_result_wrapper()
    {
        var schema = _tools["show_catalog"].GetProperty("outputSchema");
        Assert.Equal("object", schema.GetProperty("type").GetString());
        var properties = schema.GetProperty("properties");
        Assert.True(properties.TryGetProperty("category", out _));
        Assert.True(properties.TryGetProperty("products", out _));
        Assert.False(properties.TryGetProperty("text", out _));
        Assert.False(properties.TryGetProperty("widgetMeta", out _));
        Assert.Equal("object", _tools["plain_data"].GetProperty("outputSchema").GetProperty("type").GetString());
    }

    [Fact]
    public void Input_schema_comes_from_the_parameters()
    {
        var schema = _tools["show_catalog"].GetProperty("inputSchema");
        Assert.Equal(["category"], schema.GetProperty("required").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal("integer", schema.GetProperty("properties").GetProperty("limit").GetProperty("type").GetString());
    }

    [Fact]
    public void Plain_tools_beside_widget_tools_carry_no_widget_keys()
    {
        var plain = _tools["count_products"];
        Assert.False(plain.TryGetProperty("_meta", out var meta) && meta.TryGetProperty("openai/outputTemplate", out _));
    }
}

