extern alias ContentSample;

using System.Net;
using System.Text.Json;
using Inlay.Testing;
using Inlay.Tests.Support;
using ContentTools = ContentSample::Content.ContentTools;

namespace Inlay.Tests.Samples;

/// <summary>The Content sample (a Razor Page as the widget), served by Kestrel on loopback.</summary>
public sealed class ContentSampleTests(ContentSampleTests.ContentApp app) : IClassFixture<ContentSampleTests.ContentApp>
{
    private const string SandboxOrigin = "https://sandbox.example";
    private readonly McpHttp _mcp = new(app.Client, "/mcp");

    public sealed class ContentApp() : SampleApp<ContentTools>("Content");

    private string Origin => _mcp.BaseAddress.GetLeftPart(UriPartial.Authority);

    private static string[] ArticleFiles() =>
        [.. Directory.GetFiles(Path.Combine(Repository.Sample("Content"), "Articles"), "*.md").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal)!];

    [Fact]
    public async Task Show_content_is_listed_with_the_page_widget_and_names_every_article()
    {
        var tool = Assert.Single((await _mcp.ResultAsync("tools/list")).GetProperty("tools").EnumerateArray());
        Assert.Equal("show_content", tool.GetProperty("name").GetString());
        Assert.Equal("ui://widget/content.html", tool.GetProperty("_meta").GetProperty("ui").GetProperty("resourceUri").GetString());
        Assert.Equal("ui://widget/content.html", tool.GetProperty("_meta").GetProperty("openai/outputTemplate").GetString());
        Assert.True(tool.GetProperty("annotations").GetProperty("readOnlyHint").GetBoolean());
        Assert.Equal(ContentTools.Names, string.Join(", ", ArticleFiles()));
        Assert.Contains(ContentTools.Names, tool.GetProperty("description").GetString());
    }

    [Fact]
    public async Task Show_content_gives_the_widget_the_article_and_the_model_its_text()
    {
        var result = await _mcp.CallToolAsync("show_content", new { name = "Getting-Started " });
        Assert.False(result.TryGetProperty("isError", out var isError) && isError.GetBoolean());
        var data = result.GetProperty("structuredContent");
        Assert.Equal("getting-started", data.GetProperty("slug").GetString());
        Assert.Equal("Getting started with Inlay", data.GetProperty("title").GetString());
        Assert.Equal("/articles/getting-started", data.GetProperty("path").GetString());
        Assert.Equal(1, data.GetProperty("minutes").GetInt32());
        var text = result.GetProperty("content")[0].GetProperty("text").GetString()!;
        Assert.StartsWith("# Getting started with Inlay\n\nInlay turns an ASP.NET Core app", text);
    }

    [Theory]
    [InlineData("nope", "There is no article named 'nope'.")]
    [InlineData("", "There is no article named ''.")]
    [InlineData("../appsettings", "There is no article named '../appsettings'.")]
    public async Task An_unknown_name_is_a_tool_error_listing_the_articles(string name, string expected)
    {
        var result = await _mcp.CallToolAsync("show_content", new { name });
        Assert.True(result.GetProperty("isError").GetBoolean());
        var text = result.GetProperty("content")[0].GetProperty("text").GetString()!;
        Assert.Contains(expected, text);
        Assert.Contains("Articles: " + ContentTools.Names + ".", text);
    }

    [Fact]
    public async Task A_call_without_a_name_is_a_tool_error_that_says_so()
    {
        var result = await _mcp.CallToolAsync("show_content", new { });
        Assert.True(result.GetProperty("isError").GetBoolean());
        Assert.Contains("name", result.GetProperty("content")[0].GetProperty("text").GetString());
    }

    [Fact]
    public async Task The_widget_is_the_home_page_with_the_bootstrap_and_absolute_urls()
    {
        var contents = (await _mcp.ResultAsync("resources/read", new { uri = "ui://widget/content.html" })).GetProperty("contents")[0];
        Assert.Equal("text/html;profile=mcp-app", contents.GetProperty("mimeType").GetString());
        var html = contents.GetProperty("text").GetString()!;

        Assert.Contains($"<meta charset=\"utf-8\"><meta name=\"inlay-base-url\" content=\"{Origin}/\"><script>(function(){{", html);
        Assert.Contains("<h1>Library</h1>", html);
        foreach (var slug in ArticleFiles()) Assert.Contains($"<a href=\"/articles/{slug}\">", html);
        var css = Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "<link rel=\"stylesheet\" href=\"([^\"]+)\">")).Groups[1].Value;
        var script = Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "<script src=\"([^\"]+)\"></script>")).Groups[1].Value;
        Assert.StartsWith($"{Origin}/css/site.css?v=", css);
        Assert.StartsWith($"{Origin}/page/content-page.js?v=", script);

        using var http = new HttpClient();
        using var js = await http.GetAsync(script);
        js.EnsureSuccessStatusCode();
        Assert.Contains("content-library", await js.Content.ReadAsStringAsync());
        (await http.GetAsync(css)).EnsureSuccessStatusCode();

        var csp = contents.GetProperty("_meta").GetProperty("ui").GetProperty("csp");
        foreach (var list in new[] { "connectDomains", "resourceDomains", "baseUriDomains" })
            Assert.Equal([Origin], csp.GetProperty(list).EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task The_second_page_and_the_search_data_answer_the_sandbox_origin()
    {
        using var page = await GetFromSandboxAsync("/articles/app-pages");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("*", page.Headers.GetValues("Access-Control-Allow-Origin").Single());
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("<h1>Pages of your app as widgets</h1>", html);
        Assert.Contains("<a href=\"/articles/getting-started\" rel=\"next\">Next: Getting started with Inlay →</a>", html);

        using var data = await GetFromSandboxAsync("/api/articles?q=cors%20sandbox");
        Assert.Equal(HttpStatusCode.OK, data.StatusCode);
        Assert.Equal("*", data.Headers.GetValues("Access-Control-Allow-Origin").Single());
        var hits = JsonDocument.Parse(await data.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(["app-pages", "widget-security"], hits.EnumerateArray().Select(h => h.GetProperty("slug").GetString()));
        Assert.Equal("/articles/widget-security", hits[1].GetProperty("path").GetString());
    }

    [Fact]
    public async Task Bad_paths_and_queries_get_clear_answers_not_server_errors()
    {
        using var missing = await GetFromSandboxAsync("/articles/nope");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("There is no article named “nope”.", await missing.Content.ReadAsStringAsync());

        var longQuery = new string('x', 101);
        using var api = await GetFromSandboxAsync("/api/articles?q=" + longQuery);
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        Assert.Contains("at most 100 characters", await api.Content.ReadAsStringAsync());
        using var search = await GetFromSandboxAsync("/?q=" + longQuery);
        Assert.Equal(HttpStatusCode.BadRequest, search.StatusCode);
        Assert.Contains("at most 100 characters", await search.Content.ReadAsStringAsync());

        using var nowhere = await GetFromSandboxAsync("/articles/a/b/c");
        Assert.Equal(HttpStatusCode.NotFound, nowhere.StatusCode);
    }

    private async Task<HttpResponseMessage> GetFromSandboxAsync(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Origin", SandboxOrigin);
        return await app.Client.SendAsync(request);
    }
}
