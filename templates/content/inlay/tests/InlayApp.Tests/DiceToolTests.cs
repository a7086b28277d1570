using System.Net;
using System.Text.RegularExpressions;

namespace InlayApp.Tests;

public sealed class DiceToolTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Roll_dice_returns_the_values_their_total_and_text_for_the_model()
    {
        var result = await app.Mcp.CallToolAsync("roll_dice", new { count = 3, sides = 6 });

        var roll = result.GetProperty("structuredContent");
        var values = roll.GetProperty("values").EnumerateArray().Select(v => v.GetInt32()).ToArray();
        Assert.Equal(3, values.Length);
        Assert.All(values, v => Assert.InRange(v, 1, 6));
        Assert.Equal(values.Sum(), roll.GetProperty("total").GetInt32());
        Assert.StartsWith("Rolled 3d6", result.GetProperty("content")[0].GetProperty("text").GetString());
    }

    [Fact]
    public async Task Roll_dice_with_too_many_dice_is_an_error_result()
    {
        var result = await app.Mcp.CallToolAsync("roll_dice", new { count = 11 });

        Assert.True(result.GetProperty("isError").GetBoolean());
    }

    [Fact]
    public async Task Roll_dice_is_listed_with_its_widget_for_both_kinds_of_host()
    {
        var tools = (await app.Mcp.ResultAsync("tools/list")).GetProperty("tools");
        var tool = Assert.Single(tools.EnumerateArray());
        Assert.Equal("roll_dice", tool.GetProperty("name").GetString());

        var meta = tool.GetProperty("_meta");
        var template = meta.GetProperty("ui").GetProperty("resourceUri").GetString();
        Assert.StartsWith("ui://widget/dice.html?v=", template);
        Assert.Equal(template, meta.GetProperty("openai/outputTemplate").GetString());
    }

    [Fact]
    public async Task The_widget_document_loads_its_built_script_from_the_app()
    {
        var read = await app.Mcp.ResultAsync("resources/read", new { uri = "ui://widget/dice.html" });
        var contents = read.GetProperty("contents")[0];
        Assert.Equal("text/html;profile=mcp-app", contents.GetProperty("mimeType").GetString());

        var html = contents.GetProperty("text").GetString()!;
        var script = Regex.Match(html, "<script[^>]+src=\"([^\"]+)\"").Groups[1].Value;
        Assert.StartsWith(app.Mcp.BaseAddress.ToString().TrimEnd('/') + "/_inlay/widgets/dice/assets/", script);

        using var asset = await app.Http.GetAsync(script);
        Assert.Equal(HttpStatusCode.OK, asset.StatusCode);
    }

    [Fact]
    public async Task The_dev_host_is_served_in_development()
    {
        using var page = await app.Http.GetAsync("/_inlay/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<div id=\"root\"", await page.Content.ReadAsStringAsync());
    }
}
