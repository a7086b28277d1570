using Inlay.Testing;
using Inlay.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Inlay.Tests.Html;

/// <summary>A widget built into an asset folder, read over MCP and its assets fetched from the URLs in the document.</summary>
public sealed class AssetFolderWidgetTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "inlay-folder-widget-" + Guid.NewGuid().ToString("N"));

    public AssetFolderWidgetTests()
    {
        var dist = Path.Combine(_root, "widgets", "greeting", "dist");
        Directory.CreateDirectory(Path.Combine(dist, "assets"));
        File.WriteAllText(Path.Combine(dist, "index.html"),
            "<!doctype html><html><head><script type=\"module\" crossorigin src=\"/assets/index-Dw1kqF5e.js\"></script>" +
            "<link rel=\"stylesheet\" href=\"./assets/index-Ca7m5Ra9.css\"></head><body><div id=\"root\"></div></body></html>");
        File.WriteAllText(Path.Combine(dist, "assets", "index-Dw1kqF5e.js"), "export const x = 1;");
        File.WriteAllText(Path.Combine(dist, "assets", "index-Ca7m5Ra9.css"), "body{margin:0}");
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task Resource_points_at_assets_that_are_served()
    {
        await using var app = await LoopbackApp.StartAsync(
            b => b.Services.AddMcpServer().WithHttpTransport().WithInlay()
                .WithWidget("ui://widget/greeting.html", WidgetHtmlSource.FromAssetFolder("widgets/greeting/dist")),
            a => a.MapInlay(),
            contentRoot: _root);

        var read = await app.Mcp().ResultAsync("resources/read", new { uri = "ui://widget/greeting.html" });
        var html = read.GetProperty("contents")[0].GetProperty("text").GetString()!;
        var baseUrl = app.BaseAddress.GetLeftPart(UriPartial.Authority);
        var script = $"{baseUrl}/_inlay/widgets/greeting/assets/index-Dw1kqF5e.js";
        var style = $"{baseUrl}/_inlay/widgets/greeting/assets/index-Ca7m5Ra9.css";
        Assert.Equal(
            $"<!doctype html><html><head><script type=\"module\" crossorigin src=\"{script}\"></script>" +
            $"<link rel=\"stylesheet\" href=\"{style}\"></head><body><div id=\"root\"></div></body></html>",
            html);

        using var request = new HttpRequestMessage(HttpMethod.Get, script);
        request.Headers.Add("Origin", "https://sandbox.example");
        using var response = await app.Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        Assert.Equal("export const x = 1;", await response.Content.ReadAsStringAsync());
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Equal("body{margin:0}", await app.Http.GetStringAsync(style));
    }
}
