using Inlay.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;

namespace Inlay.Tests.Html;

/// <summary>
/// Inlay:WidgetAssetBaseUrl: a widget's assets loaded from a separate static server (a CDN stand-in on another loopback
/// port) instead of the app, and the app's own serving when it is not set.
/// </summary>
public sealed class WidgetAssetBaseUrlTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "inlay-cdn-widget-" + Guid.NewGuid().ToString("N"));

    public WidgetAssetBaseUrlTests()
    {
        // The app's copy of the build, and the CDN's copy laid out as publish writes it: widgets-cdn/{slug}/.
        foreach (var dist in new[] { Path.Combine(_root, "app", "widgets", "greeting", "dist"), Path.Combine(_root, "widgets-cdn", "greeting") })
        {
            Directory.CreateDirectory(Path.Combine(dist, "assets"));
            File.WriteAllText(Path.Combine(dist, "index.html"),
                "<!doctype html><html><head><script type=\"module\" crossorigin src=\"./assets/index-C2YEqa5L.js\"></script>" +
                "<link rel=\"stylesheet\" crossorigin href=\"/assets/index-Jk00AAau.css\"></head><body><div id=\"root\"></div></body></html>");
            File.WriteAllText(Path.Combine(dist, "assets", "index-C2YEqa5L.js"), "export const x = 1;");
            File.WriteAllText(Path.Combine(dist, "assets", "index-Jk00AAau.css"), "body{margin:0}");
        }
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    /// <summary>A plain static file server, the way a CDN serves the published folder: CORS open, nothing else.</summary>
    internal static Task<LoopbackApp> StartStaticServerAsync(string folder, string requestPath) => LoopbackApp.StartAsync(
        _ => { },
        app =>
        {
            app.Use((context, next) =>
            {
                context.Response.Headers.AccessControlAllowOrigin = "*";
                return next(context);
            });
            app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(folder), RequestPath = requestPath });
        },
        environment: "Production");

    private Task<LoopbackApp> StartAppAsync(string? assetBaseUrl) => LoopbackApp.StartAsync(
        b => b.Services.AddMcpServer().WithHttpTransport().WithInlay(o => o.WidgetAssetBaseUrl = assetBaseUrl)
            .WithWidget("ui://widget/greeting.html", WidgetHtmlSource.FromAssetFolder("widgets/greeting/dist")),
        a => a.MapInlay(),
        contentRoot: Path.Combine(_root, "app"));

    private static async Task<(string Html, string[] ResourceDomains, string[] OpenAiResourceDomains)> ReadAsync(LoopbackApp app)
    {
        var read = await app.Mcp().ResultAsync("resources/read", new { uri = "ui://widget/greeting.html" });
        var contents = read.GetProperty("contents")[0];
        var meta = contents.GetProperty("_meta");
        return (
            contents.GetProperty("text").GetString()!,
            [.. meta.GetProperty("ui").GetProperty("csp").GetProperty("resourceDomains").EnumerateArray().Select(e => e.GetString()!)],
            [.. meta.GetProperty("openai/widgetCSP").GetProperty("resource_domains").EnumerateArray().Select(e => e.GetString()!)]);
    }

    [Fact]
    public async Task Without_a_base_url_the_app_serves_the_assets_on_its_public_url()
    {
        await using var app = await StartAppAsync(null);
        var (html, domains, openAiDomains) = await ReadAsync(app);
        var origin = app.BaseAddress.GetLeftPart(UriPartial.Authority);
        Assert.Contains($"src=\"{origin}/_inlay/widgets/greeting/assets/index-C2YEqa5L.js\"", html);
        Assert.Contains($"href=\"{origin}/_inlay/widgets/greeting/assets/index-Jk00AAau.css\"", html);
        Assert.Equal([origin], domains);
        Assert.Equal([origin], openAiDomains);
        Assert.Equal("export const x = 1;", await app.Http.GetStringAsync($"{origin}/_inlay/widgets/greeting/assets/index-C2YEqa5L.js"));
    }

    [Fact]
    public async Task With_a_base_url_the_document_loads_its_assets_from_the_static_server_and_the_csp_names_it()
    {
        await using var cdn = await StartStaticServerAsync(Path.Combine(_root, "widgets-cdn"), "/static/widgets");
        var cdnOrigin = cdn.BaseAddress.GetLeftPart(UriPartial.Authority);
        await using var app = await StartAppAsync(cdnOrigin + "/static/widgets/");
        Assert.NotEqual(cdnOrigin, app.BaseAddress.GetLeftPart(UriPartial.Authority));

        var (html, domains, openAiDomains) = await ReadAsync(app);
        var script = $"{cdnOrigin}/static/widgets/greeting/assets/index-C2YEqa5L.js";
        var style = $"{cdnOrigin}/static/widgets/greeting/assets/index-Jk00AAau.css"; // root-relative in the build, still under the folder
        Assert.Equal(
            $"<!doctype html><html><head><script type=\"module\" crossorigin src=\"{script}\"></script>" +
            $"<link rel=\"stylesheet\" crossorigin href=\"{style}\"></head><body><div id=\"root\"></div></body></html>",
            html);
        Assert.Equal([cdnOrigin], domains);
        Assert.Equal([cdnOrigin], openAiDomains);

        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, script);
        request.Headers.Add("Origin", "https://sandbox.example");
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Equal("export const x = 1;", await response.Content.ReadAsStringAsync());
        Assert.Equal("body{margin:0}", await http.GetStringAsync(style));
    }

    [Theory]
    [InlineData("cdn.example.com/widgets", "Development", "not an absolute http(s) URL")]
    [InlineData("https://cdn.example.com/widgets?v=1", "Development", "not an absolute http(s) URL")]
    [InlineData("http://cdn.example.com/widgets", "Production", "must use https outside Development")]
    public void A_bad_base_url_is_a_start_up_problem(string value, string environment, string expected) =>
        Assert.Contains(expected, InlayOptionsValidator.AssetBaseUrlProblem(value, environment == "Development"));

    [Fact]
    public void An_https_base_url_is_fine_everywhere() =>
        Assert.Null(InlayOptionsValidator.AssetBaseUrlProblem("https://cdn.example.com/widgets", isDevelopment: false));
}
