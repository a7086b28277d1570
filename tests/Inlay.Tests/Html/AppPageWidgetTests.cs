using System.Net;
using System.Text.Json;
using Inlay.Testing;
using Inlay.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Inlay.Tests.Html;

/// <summary>A page of the app served as a widget (<see cref="WidgetHtmlSource.FromAppPage"/>), read over MCP.</summary>
public sealed class AppPageWidgetTests
{
    private const string Uri = "ui://widget/page.html";

    private const string Page =
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><link rel=\"stylesheet\" href=\"site.css\"></head>" +
        "<body><img src=\"img/logo.png\"><a href=\"/articles/two\">two</a><script src=\"/js/page.js\"></script></body></html>";

    private static Task<LoopbackApp> StartAsync(Action<WebApplication> pages, string environment = "Development", Action<InlayOptions>? options = null) =>
        LoopbackApp.StartAsync(
            b => b.Services.AddMcpServer().WithHttpTransport(h => h.Stateless = true).WithInlay(options)
                .WithWidget(Uri, WidgetHtmlSource.FromAppPage("/widgets/page")),
            a =>
            {
                a.UseCors();
                pages(a);
                a.MapInlay();
            },
            environment);

    private static async Task<JsonElement> ReadAsync(LoopbackApp app) =>
        (await app.Mcp().ResultAsync("resources/read", new { uri = Uri })).GetProperty("contents")[0];

    [Fact]
    public async Task The_page_is_rendered_by_the_app_with_the_bootstrap_first_and_absolute_asset_urls()
    {
        await using var app = await StartAsync(a => a.MapGet("/widgets/page", () => Results.Content(Page, "text/html; charset=utf-8")));
        var contents = await ReadAsync(app);
        var origin = app.BaseAddress.GetLeftPart(UriPartial.Authority);
        var html = contents.GetProperty("text").GetString()!;

        var prefix = $"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"inlay-base-url\" content=\"{origin}/widgets/page\"><script>";
        Assert.StartsWith(prefix, html);
        Assert.Contains(PageBootstrap.Script.Trim(), html);
        Assert.EndsWith(
            $"</script><link rel=\"stylesheet\" href=\"{origin}/widgets/site.css\"></head>" +
            $"<body><img src=\"{origin}/widgets/img/logo.png\"><a href=\"/articles/two\">two</a><script src=\"{origin}/js/page.js\"></script></body></html>",
            html);

        var csp = contents.GetProperty("_meta").GetProperty("ui").GetProperty("csp");
        Assert.Equal([origin], csp.GetProperty("connectDomains").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal([origin], csp.GetProperty("resourceDomains").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal([origin], csp.GetProperty("baseUriDomains").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(origin, contents.GetProperty("_meta").GetProperty("openai/widgetCSP").GetProperty("connect_domains")[0].GetString());
    }

    [Fact]
    public async Task Every_read_renders_the_page_as_it_is_now()
    {
        var renders = 0;
        await using var app = await StartAsync(a => a.MapGet("/widgets/page", () =>
            Results.Content($"<html><head></head><body>render {Interlocked.Increment(ref renders)}</body></html>", "text/html")));
        Assert.Contains("render 1", (await ReadAsync(app)).GetProperty("text").GetString());
        Assert.Contains("render 2", (await ReadAsync(app)).GetProperty("text").GetString());
    }

    [Fact]
    public async Task The_page_sees_a_request_of_its_own_on_the_public_url()
    {
        await using var app = await StartAsync(
            a => a.MapGet("/widgets/page", (HttpContext http, IHttpContextAccessor accessor) => Results.Content(
                $"<html><head></head><body>{http.Request.Scheme}|{http.Request.Host}|{http.Request.PathBase}|{http.Request.Path}|{http.Request.Query["tab"]}|" +
                $"{http.Request.Headers.Accept}|{ReferenceEquals(accessor.HttpContext, http)}</body></html>", "text/html")),
            options: o => o.PublicUrl = "https://app.example.com/base");
        var html = (await ReadAsync(app)).GetProperty("text").GetString()!;
        Assert.Contains("<body>https|app.example.com|/base|/widgets/page||text/html|True</body>", html);
        Assert.Contains("<meta name=\"inlay-base-url\" content=\"https://app.example.com/base/widgets/page\">", html);
    }

    [Theory]
    [InlineData(404, "answered 404, not a page")]
    [InlineData(302, "answered 302 to /elsewhere, not a page")]
    [InlineData(200, "answered 'application/json; charset=utf-8', not text/html")]
    public async Task A_path_that_is_not_a_page_is_a_read_error_naming_it(int status, string expected)
    {
        await using var app = await StartAsync(a => a.MapGet("/widgets/page", () => status switch
        {
            302 => Results.Redirect("/elsewhere"),
            404 => Results.NotFound(),
            _ => Results.Json(new { page = false }),
        }));
        using var response = await app.Mcp().PostAsync("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"resources/read\",\"params\":{\"uri\":\"" + Uri + "\"}}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var message = await McpHttp.ReadMessageAsync(response);
        var error = message.GetProperty("error").GetProperty("message").GetString()!;
        Assert.Contains("app page '/widgets/page'", error);
        Assert.Contains(expected, error);
    }

    [Fact]
    public async Task Start_up_does_not_read_the_page_and_app_endpoints_opt_into_widget_cors()
    {
        await using var app = await StartAsync(a =>
        {
            a.MapGet("/widgets/page", () => Results.Content(Page, "text/html")).RequireWidgetCors();
            a.MapGet("/api/private", () => "no cors");
        });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/widgets/page");
        request.Headers.Add("Origin", "https://sandbox.example");
        using var page = await app.Http.SendAsync(request);
        Assert.Equal("*", page.Headers.GetValues("Access-Control-Allow-Origin").Single());
        using var other = new HttpRequestMessage(HttpMethod.Get, "/api/private");
        other.Headers.Add("Origin", "https://sandbox.example");
        Assert.False((await app.Http.SendAsync(other)).Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Outside_development_only_the_configured_sandbox_origins_get_cors()
    {
        await using var app = await StartAsync(
            a => a.MapGet("/widgets/page", () => Results.Content(Page, "text/html")).RequireWidgetCors(),
            "Production",
            o => o.WidgetCorsOrigins.Add("https://*.web-sandbox.oaiusercontent.com"));
        async Task<string?> AllowedAsync(string origin)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/widgets/page");
            request.Headers.Add("Origin", origin);
            using var response = await app.Http.SendAsync(request);
            return response.Headers.TryGetValues("Access-Control-Allow-Origin", out var values) ? values.Single() : null;
        }
        Assert.Equal("https://myapp.web-sandbox.oaiusercontent.com", await AllowedAsync("https://myapp.web-sandbox.oaiusercontent.com"));
        Assert.Null(await AllowedAsync("https://evil.example"));
        Assert.DoesNotContain(app.Logs.Entries, e => e.Message.Contains("Widgets are pages of this app"));
    }

    [Fact]
    public async Task Outside_development_without_sandbox_origins_start_up_warns()
    {
        await using var app = await StartAsync(a => a.MapGet("/widgets/page", () => Results.Content(Page, "text/html")), "Production");
        var warning = Assert.Single(app.Logs.Entries, e => e.Message.Contains("Widgets are pages of this app"));
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Warning, warning.Level);
        Assert.Contains("Inlay:WidgetCorsOrigins", warning.Message);
    }

    [Fact]
    public async Task Before_the_server_has_built_its_pipeline_a_render_says_so()
    {
        var renderer = new AppPageRenderer(new AppPipeline(), new ServiceCollection().BuildServiceProvider());
        var error = await Assert.ThrowsAsync<ModelContextProtocol.McpException>(() =>
            renderer.RenderAsync((AppPageHtmlSource)WidgetHtmlSource.FromAppPage("/p"), "http://127.0.0.1:5020", default));
        Assert.Equal("Widget HTML app page '/p' cannot be rendered yet: the app renders it once its server has started.", error.Message);
    }

    [Theory]
    [InlineData("widgets/page")]
    [InlineData("//evil.example/page")]
    [InlineData("https://app.example/page")]
    [InlineData("/page#top")]
    [InlineData("/a page")]
    [InlineData("")]
    public void A_path_that_is_not_on_this_app_is_refused(string path)
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => WidgetHtmlSource.FromAppPage(path));
        Assert.Equal("path", error.ParamName);
    }

    [Theory]
    [InlineData("/", "/")]
    [InlineData("/widgets/page", "/widgets/")]
    [InlineData("/widgets/page/?tab=a/b", "/widgets/page/")]
    public void Relative_urls_resolve_against_the_pages_directory(string path, string assetBase)
    {
        var source = WidgetHtmlSource.FromAppPage(path);
        Assert.Equal(assetBase, source.AssetBasePath);
        Assert.Equal($"app page '{path}'", source.Description);
        Assert.Throws<NotSupportedException>(() => source.ReadAsync(new Microsoft.Extensions.FileProviders.NullFileProvider(), default).AsTask().GetAwaiter().GetResult());
    }

    [Fact]
    public void The_widget_attribute_names_an_app_page_as_its_only_source()
    {
        var widget = new WidgetAttribute("ui://widget/page.html") { AppPage = "/widgets/page" }.ToDeclaration(typeof(AppPageWidgetTests));
        Assert.Equal("/widgets/page", Assert.IsType<AppPageHtmlSource>(widget.Html).Path);
        var both = Assert.Throws<InvalidOperationException>(() =>
            new WidgetAttribute("ui://widget/page.html") { AppPage = "/p", HtmlFile = "p.html" }.ToDeclaration(typeof(AppPageWidgetTests)));
        Assert.Contains("(HtmlFile, AppPage)", both.Message);
    }
}
