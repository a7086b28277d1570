using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using Inlay.Testing;
using Inlay.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Inlay.Tests.Html;

public sealed class WidgetAssetEndpointsTests : IDisposable
{
    private const string Hashed = "/_inlay/widgets/greeting/assets/index-Dw1kqF5e.js";
    private readonly string _root = Path.Combine(Path.GetTempPath(), "inlay-assets-" + Guid.NewGuid().ToString("N"));

    public WidgetAssetEndpointsTests()
    {
        var dist = Path.Combine(_root, "widgets", "greeting", "dist");
        Directory.CreateDirectory(Path.Combine(dist, "assets"));
        File.WriteAllText(Path.Combine(dist, "index.html"), "<!doctype html><script type=module src=\"./assets/index-Dw1kqF5e.js\"></script>");
        File.WriteAllText(Path.Combine(dist, "assets", "index-Dw1kqF5e.js"), "console.log('hi');");
        File.WriteAllText(Path.Combine(dist, "assets", "app.css"), "p{color:red}");
        File.WriteAllText(Path.Combine(dist, "assets", "data.unknownext"), "?");
        File.WriteAllText(Path.Combine(dist, ".env"), "SECRET=1");
        File.WriteAllText(Path.Combine(_root, "widgets", "greeting", "secret.txt"), "outside");
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private Task<LoopbackApp> StartAsync(
        IEnumerable<WidgetDeclaration>? widgets = null,
        string environment = "Development",
        Action<InlayOptions>? configure = null) =>
        LoopbackApp.StartAsync(
            builder =>
            {
                builder.Services.AddOptions<InlayOptions>();
                if (configure is not null) builder.Services.Configure(configure);
                WidgetAssetEndpoints.AddWidgetAssetServices(builder.Services);
            },
            app => WidgetAssetEndpoints.Map(app, widgets ?? [new WidgetDeclaration("ui://widget/greeting.html", WidgetHtmlSource.FromAssetFolder("widgets/greeting/dist"))]),
            environment,
            _root);

    [Fact]
    public async Task Hashed_file_is_served_with_its_type_validators_and_a_long_cache()
    {
        await using var app = await StartAsync();
        using var response = await app.Http.GetAsync(Hashed);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("console.log('hi');", await response.Content.ReadAsStringAsync());
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(response.Headers.ETag);
        Assert.NotNull(response.Content.Headers.LastModified);
        Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl?.ToString());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("cross-origin", response.Headers.GetValues("Cross-Origin-Resource-Policy").Single());
    }

    [Fact]
    public async Task Unhashed_files_are_revalidated()
    {
        await using var app = await StartAsync();
        using var css = await app.Http.GetAsync("/_inlay/widgets/greeting/assets/app.css");
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-cache", css.Headers.CacheControl?.ToString());

        using var html = await app.Http.GetAsync("/_inlay/widgets/greeting/index.html");
        Assert.Equal(HttpStatusCode.OK, html.StatusCode);
        Assert.Equal("text/html", html.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-cache", html.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task Conditional_request_with_the_etag_gets_304()
    {
        await using var app = await StartAsync();
        using var first = await app.Http.GetAsync(Hashed);
        using var request = new HttpRequestMessage(HttpMethod.Get, Hashed);
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var second = await app.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
    }

    [Fact]
    public async Task Head_and_range_requests_work()
    {
        await using var app = await StartAsync();
        using var head = await app.Http.SendAsync(new HttpRequestMessage(HttpMethod.Head, Hashed));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(18, head.Content.Headers.ContentLength);

        using var range = new HttpRequestMessage(HttpMethod.Get, Hashed);
        range.Headers.Range = new RangeHeaderValue(0, 6);
        using var partial = await app.Http.SendAsync(range);
        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        Assert.Equal("console", await partial.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/_inlay/widgets/greeting/assets/missing.js")]
    [InlineData("/_inlay/widgets/greeting/")]
    [InlineData("/_inlay/widgets/greeting")]
    [InlineData("/_inlay/widgets/greeting/assets/")]
    [InlineData("/_inlay/widgets/greeting/.env")]
    [InlineData("/_inlay/widgets/greeting/assets/data.unknownext")]
    [InlineData("/_inlay/widgets/greeting/..%2Fsecret.txt")]
    [InlineData("/_inlay/widgets/greeting/%2e%2e/secret.txt")]
    [InlineData("/_inlay/widgets/other/index.html")]
    public async Task Missing_hidden_unknown_and_outside_files_are_not_found(string path)
    {
        await using var app = await StartAsync();
        var (status, body) = await RawGetAsync(app.BaseAddress, path);
        Assert.Equal(404, status);
        Assert.DoesNotContain("outside", body);
        Assert.DoesNotContain("SECRET", body);
    }

    [Fact]
    public async Task Dot_segments_in_the_raw_request_do_not_leave_the_folder()
    {
        await using var app = await StartAsync();
        var (status, body) = await RawGetAsync(app.BaseAddress, "/_inlay/widgets/greeting/assets/../../secret.txt");
        Assert.NotEqual(200, status);
        Assert.DoesNotContain("outside", body);
    }

    [Fact]
    public async Task Other_methods_are_not_allowed()
    {
        await using var app = await StartAsync();
        using var response = await app.Http.PostAsync(Hashed, new StringContent(""));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task Any_origin_may_fetch_assets_in_development()
    {
        await using var app = await StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, Hashed);
        request.Headers.Add("Origin", "https://anything.example");
        using var response = await app.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }

    [Fact]
    public async Task Outside_development_only_the_configured_origins_may_fetch_assets()
    {
        await using var app = await StartAsync(environment: "Production", configure: o =>
        {
            o.WidgetCorsOrigins.Add("https://*.web-sandbox.oaiusercontent.com");
            o.WidgetCorsOrigins.Add("https://host.example/");
        });

        foreach (var origin in new[] { "https://myapp-com.web-sandbox.oaiusercontent.com", "https://host.example" })
        {
            using var allowed = new HttpRequestMessage(HttpMethod.Get, Hashed);
            allowed.Headers.Add("Origin", origin);
            using var response = await app.Http.SendAsync(allowed);
            Assert.Equal(origin, response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        }

        using var other = new HttpRequestMessage(HttpMethod.Get, Hashed);
        other.Headers.Add("Origin", "https://evil.example");
        using var denied = await app.Http.SendAsync(other);
        Assert.Equal(HttpStatusCode.OK, denied.StatusCode);
        Assert.False(denied.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Outside_development_without_configured_origins_no_origin_is_allowed()
    {
        await using var app = await StartAsync(environment: "Production");
        using var request = new HttpRequestMessage(HttpMethod.Get, Hashed);
        request.Headers.Add("Origin", "https://anything.example");
        using var response = await app.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Preflight_is_answered()
    {
        await using var app = await StartAsync(environment: "Production", configure: o => o.WidgetCorsOrigins.Add("https://host.example"));
        using var request = new HttpRequestMessage(HttpMethod.Options, Hashed);
        request.Headers.Add("Origin", "https://host.example");
        request.Headers.Add("Access-Control-Request-Method", "GET");
        request.Headers.Add("Access-Control-Request-Headers", "x-custom");
        using var response = await app.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("https://host.example", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("x-custom", response.Headers.GetValues("Access-Control-Allow-Headers").Single());
    }

    [Fact]
    public async Task Folder_built_after_start_is_served()
    {
        var widget = new WidgetDeclaration("ui://widget/late.html", WidgetHtmlSource.FromAssetFolder("widgets/late/dist"));
        await using var app = await StartAsync([widget]);
        using (var before = await app.Http.GetAsync("/_inlay/widgets/late/index.html"))
            Assert.Equal(HttpStatusCode.NotFound, before.StatusCode);

        Directory.CreateDirectory(Path.Combine(_root, "widgets", "late", "dist"));
        File.WriteAllText(Path.Combine(_root, "widgets", "late", "dist", "index.html"), "<p>late</p>");
        using var after = await app.Http.GetAsync("/_inlay/widgets/late/index.html");
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Equal("<p>late</p>", await after.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Widgets_sharing_a_folder_map_it_once_and_other_sources_are_skipped()
    {
        IReadOnlyList<string>? mapped = null;
        var widgets = new[]
        {
            new WidgetDeclaration("ui://widget/a.html", WidgetHtmlSource.FromAssetFolder("widgets/greeting/dist")),
            new WidgetDeclaration("ui://widget/b.html", WidgetHtmlSource.FromAssetFolder("widgets/greeting/dist/", "index.html")),
            new WidgetDeclaration("ui://widget/c.html", WidgetHtmlSource.FromString("<p>c</p>")),
        };
        await using var app = await LoopbackApp.StartAsync(
            builder => WidgetAssetEndpoints.AddWidgetAssetServices(builder.Services),
            app => mapped = WidgetAssetEndpoints.Map(app, widgets),
            contentRoot: _root);
        Assert.Equal(["/_inlay/widgets/greeting/"], mapped);
    }

    [Fact]
    public async Task Two_folders_with_one_slug_are_an_error()
    {
        var widgets = new[]
        {
            new WidgetDeclaration("ui://widget/a.html", WidgetHtmlSource.FromAssetFolder("a/greeting/dist")),
            new WidgetDeclaration("ui://widget/b.html", WidgetHtmlSource.FromAssetFolder("b/greeting/dist")),
        };
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => StartAsync(widgets));
        Assert.Contains("ui://widget/a.html", error.Message);
        Assert.Contains("ui://widget/b.html", error.Message);
        Assert.Contains("/_inlay/widgets/greeting/", error.Message);
        Assert.Contains("slug", error.Message);
    }

    [Theory]
    [InlineData("index-Dw1kqF5e.js", true)]
    [InlineData("vendor-C3v5Xl2k.js", true)]
    [InlineData("main.3f2a9c1b.css", true)]
    [InlineData("main.3f2a9c1b.chunk.js", true)]
    [InlineData("index.html", false)]
    [InlineData("app.css", false)]
    [InlineData("bootstrap-datepicker.js", false)]
    [InlineData("OpenSans-SemiBoldItalic.woff2", false)]
    [InlineData("jquery-3.7.1.min.js", false)]
    [InlineData("logo-20240101.png", false)]
    [InlineData("a1b2c3d4e5.js", false)]
    public void Content_hashed_names_are_recognized(string name, bool hashed) =>
        Assert.Equal(hashed, WidgetAssetEndpoints.LooksContentHashed(name));

    /// <summary>A GET sent byte for byte, so the client does not normalize the path first.</summary>
    private static async Task<(int Status, string Body)> RawGetAsync(Uri baseAddress, string path)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(baseAddress.Host, baseAddress.Port);
        await using var stream = client.GetStream();
        var request = $"GET {path} HTTP/1.1\r\nHost: {baseAddress.Authority}\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var response = await reader.ReadToEndAsync();
        var status = int.Parse(response.Split(' ', 3)[1]);
        var bodyStart = response.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        return (status, bodyStart < 0 ? "" : response[(bodyStart + 4)..]);
    }
}
