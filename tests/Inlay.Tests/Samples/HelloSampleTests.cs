using System.Net;
using Inlay.Testing;
using Inlay.Tests.Support;

namespace Inlay.Tests.Samples;

/// <summary>The Hello sample's own Program, served by Kestrel on loopback.</summary>
public sealed class HelloSampleTests : IClassFixture<HelloSampleTests.HelloApp>
{
    private readonly McpHttp _mcp;
    private readonly HelloApp _app;

    public HelloSampleTests(HelloApp app)
    {
        _app = app;
        _mcp = new McpHttp(app.Client, "/mcp");
    }

    public sealed class HelloApp() : SampleApp<Program>("Hello");

    [Fact]
    public async Task Greet_user_returns_the_greeting_an_iso_timestamp_and_text_for_the_model()
    {
        var result = await _mcp.ResultAsync("tools/call", new { name = "greet_user", arguments = new { name = "Ada" } });
        var data = result.GetProperty("structuredContent");
        Assert.Equal("Hello, Ada!", data.GetProperty("message").GetString());
        var greetedAt = data.GetProperty("greetedAt").GetString()!;
        Assert.True(DateTimeOffset.TryParseExact(greetedAt, "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", null, System.Globalization.DateTimeStyles.None, out var when), greetedAt);
        Assert.InRange(when, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(1));
        Assert.Contains("Ada", result.GetProperty("content")[0].GetProperty("text").GetString());
    }

    [Fact]
    public async Task Greet_user_is_listed_with_its_widget_in_both_dialects()
    {
        var tool = Assert.Single((await _mcp.ResultAsync("tools/list")).GetProperty("tools").EnumerateArray());
        Assert.Equal("greet_user", tool.GetProperty("name").GetString());
        var meta = tool.GetProperty("_meta");
        var template = meta.GetProperty("ui").GetProperty("resourceUri").GetString();
        Assert.Matches("^ui://widget/greeting\\.html\\?v=[0-9a-f]{12}$", template);
        Assert.Equal(template, meta.GetProperty("openai/outputTemplate").GetString());
    }

    [Fact]
    public async Task Greeting_widget_html_points_at_the_hashed_files_the_vite_manifest_names()
    {
        await using var manifestFile = File.OpenRead(Path.Combine(Repository.Sample("Hello"), "widgets", "greeting", "dist", ".vite", "manifest.json"));
        var manifest = ViteManifest.Parse(manifestFile);
        var entry = Assert.Single(manifest.Entries);
        Assert.Equal("index.html", entry.Source);
        Assert.Matches(@"^assets/index-[\w-]{8}\.js$", entry.File);
        var css = Assert.Single(entry.Css);

        var read = await _mcp.ResultAsync("resources/read", new { uri = "ui://widget/greeting.html" });
        var contents = read.GetProperty("contents")[0];
        Assert.Equal("text/html;profile=mcp-app", contents.GetProperty("mimeType").GetString());
        Assert.True(contents.GetProperty("_meta").GetProperty("openai/widgetPrefersBorder").GetBoolean());
        var html = contents.GetProperty("text").GetString()!;
        var origin = _mcp.BaseAddress.GetLeftPart(UriPartial.Authority);
        var script = $"{origin}/_inlay/widgets/greeting/{entry.File}";
        var style = $"{origin}/_inlay/widgets/greeting/{css}";
        Assert.Contains($"<script type=\"module\" crossorigin src=\"{script}\"></script>", html);
        Assert.Contains($"<link rel=\"stylesheet\" crossorigin href=\"{style}\">", html);
        Assert.Contains("<div id=\"root\"></div>", html);
        Assert.Equal(origin, contents.GetProperty("_meta").GetProperty("ui").GetProperty("csp").GetProperty("resourceDomains")[0].GetString());

        using var http = new HttpClient();
        using var js = await http.GetAsync(script);
        js.EnsureSuccessStatusCode();
        Assert.Equal("text/javascript", js.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Fullscreen", await js.Content.ReadAsStringAsync()); // the React widget, not the old page
        using var sheet = await http.GetAsync(style);
        sheet.EnsureSuccessStatusCode();
        Assert.Equal("text/css", sheet.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Exported_tool_schemas_are_what_tools_list_advertises_and_the_widget_types_are_generated_from_them()
    {
        var exported = System.Text.Json.Nodes.JsonNode.Parse(ToolSchemaExport.Create(_app.Services))!["tools"]!["greet_user"]!;
        var listed = (await _mcp.ResultAsync("tools/list")).GetProperty("tools")[0];
        Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(System.Text.Json.Nodes.JsonNode.Parse(listed.GetProperty("inputSchema").GetRawText()), exported["inputSchema"]));
        Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(System.Text.Json.Nodes.JsonNode.Parse(listed.GetProperty("outputSchema").GetRawText()), exported["outputSchema"]));

        // The committed copy the widget's types come from is current (the build rewrites it when a C# type changes).
        var committed = Path.Combine(Repository.Sample("Hello"), "..", "..", "web", "widgets", "hello", "schemas", "tools.json");
        Assert.Equal(ToolSchemaExport.Create(_app.Services), File.ReadAllText(committed));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task A_blank_name_is_a_tool_error_that_says_why(string name)
    {
        var result = await _mcp.ResultAsync("tools/call", new { name = "greet_user", arguments = new { name } });
        Assert.True(result.GetProperty("isError").GetBoolean());
        Assert.Contains("between 1 and 100 characters", result.GetProperty("content")[0].GetProperty("text").GetString());
    }

    [Fact]
    public async Task Health_endpoint_reports_healthy_once_started()
    {
        var response = await new HttpClient().GetAsync(new Uri(_mcp.BaseAddress, "/health"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Get_on_the_stateless_endpoint_is_method_not_allowed()
    {
        var response = await new HttpClient().GetAsync(new Uri(_mcp.BaseAddress, "/mcp"));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }
}
