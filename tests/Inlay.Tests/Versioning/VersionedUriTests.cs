using System.Text.Json;
using System.Text.RegularExpressions;
using Inlay.Testing;
using Inlay.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Inlay.Tests.Versioning;

/// <summary>Template URIs that follow the widget's content: what is advertised, what stays readable, what is refused.</summary>
public sealed class VersionedUriTests : IDisposable
{
    private const string Declared = "ui://widget/greeting.html";
    private readonly VersionedWidgetFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    public sealed record Greeting(string Message);

    private Task<LoopbackApp> StartAsync(Action<InlayOptions>? configure = null, Action<WidgetDeclaration>? widget = null) =>
        LoopbackApp.StartAsync(
            b => b.Services.AddMcpServer().WithHttpTransport()
                .WithInlay(o =>
                {
                    o.Widgets.GenerationsPath = _folder.Generations;
                    configure?.Invoke(o);
                })
                .WithWidget(Declared, WidgetHtmlSource.FromAssetFolder("widgets/greeting/dist"), widget)
                .WithWidgetTool((string name) => WidgetResult.Create(new Greeting("Hello, " + name), "Greeted."),
                    new WidgetToolOptions { WidgetUri = Declared },
                    new ModelContextProtocol.Server.McpServerToolCreateOptions { Name = "greet", ReadOnly = true, Destructive = false, OpenWorld = false }),
            a => a.MapInlay(),
            contentRoot: _folder.Root);

    private static async Task<string> AdvertisedAsync(LoopbackApp app)
    {
        var tool = (await app.Mcp().ResultAsync("tools/list")).GetProperty("tools")[0];
        return tool.GetProperty("_meta").GetProperty("ui").GetProperty("resourceUri").GetString()!;
    }

    private static string VersionOf(string uri) => Regex.Match(uri, @"\?v=([0-9a-f]{12})$").Groups[1].Value;

    [Fact]
    public async Task The_version_is_the_same_on_every_start_for_the_same_content()
    {
        string first, second;
        await using (var app = await StartAsync()) first = await AdvertisedAsync(app);
        await using (var app = await StartAsync(o => o.Widgets.GenerationsPath = Path.Combine(_folder.Root, "elsewhere"))) second = await AdvertisedAsync(app);
        Assert.Matches(@"^ui://widget/greeting\.html\?v=[0-9a-f]{12}$", first);
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task The_version_changes_when_the_html_an_asset_or_the_csp_changes()
    {
        var versions = new List<string>();
        async Task Record(Action<WidgetDeclaration>? widget = null)
        {
            await using var app = await StartAsync(widget: widget);
            versions.Add(VersionOf(await AdvertisedAsync(app)));
        }

        await Record();
        File.WriteAllText(Path.Combine(_folder.Dist, "assets", "site.css"), "body{margin:1px}");   // an asset whose name has no hash
        await Record();
        _folder.Build("index-Aa11bb22", "console.log('one');", title: "Hello");                      // the entry document
        await Record();
        await Record(w => w.Csp.ConnectDomains.Add("https://api.example.com"));                      // the security metadata
        File.WriteAllText(Path.Combine(_folder.Dist, "robots.txt"), "new file");                     // a file added
        await Record();

        Assert.All(versions, v => Assert.Matches("^[0-9a-f]{12}$", v));
        Assert.Equal(versions.Count, versions.Distinct().Count());
    }

    [Fact]
    public async Task Tools_and_resources_advertise_the_same_versioned_uri_in_both_dialects()
    {
        await using var app = await StartAsync(o => o.DefaultDialects = WidgetDialects.Both);
        var meta = (await app.Mcp().ResultAsync("tools/list")).GetProperty("tools")[0].GetProperty("_meta");
        var resources = (await app.Mcp().ResultAsync("resources/list")).GetProperty("resources").EnumerateArray()
            .ToDictionary(r => r.GetProperty("mimeType").GetString()!, r => r.GetProperty("uri").GetString()!);

        var mcpApps = meta.GetProperty("ui").GetProperty("resourceUri").GetString()!;
        var skybridge = meta.GetProperty("openai/outputTemplate").GetString()!;
        var version = VersionOf(mcpApps);
        Assert.Equal($"{Declared}?v={version}", mcpApps);
        Assert.Equal($"ui://widget/greeting.skybridge.html?v={version}", skybridge);
        Assert.Equal(mcpApps, meta.GetProperty("ui/resourceUri").GetString());
        Assert.Equal(mcpApps, resources["text/html;profile=mcp-app"]);
        Assert.Equal(skybridge, resources["text/html+skybridge"]);

        foreach (var uri in new[] { mcpApps, skybridge })
        {
            var contents = (await app.Mcp().ResultAsync("resources/read", new { uri })).GetProperty("contents")[0];
            Assert.Equal(uri, contents.GetProperty("uri").GetString());
            Assert.Contains("<div id=\"root\">", contents.GetProperty("text").GetString());
        }
    }

    [Fact]
    public async Task The_declared_uri_and_a_previous_version_still_answer_with_the_current_document()
    {
        string before;
        await using (var app = await StartAsync()) before = await AdvertisedAsync(app);

        _folder.Build("index-Cc33dd44", "console.log('two');");
        await using var redeployed = await StartAsync();
        var after = await AdvertisedAsync(redeployed);
        Assert.NotEqual(before, after);

        foreach (var uri in new[] { before, Declared, after })
        {
            var contents = (await redeployed.Mcp().ResultAsync("resources/read", new { uri })).GetProperty("contents")[0];
            Assert.Equal(uri, contents.GetProperty("uri").GetString());
            Assert.Contains("assets/index-Cc33dd44.js", contents.GetProperty("text").GetString());
        }
    }

    [Fact]
    public async Task A_well_formed_version_this_instance_never_advertised_answers_with_the_current_document()
    {
        // Another instance's version during a rolling deploy, or one recorded in a generations folder since lost.
        await using var app = await StartAsync();
        var current = await AdvertisedAsync(app);
        var other = Declared + "?v=000000000000";
        var contents = (await app.Mcp().ResultAsync("resources/read", new { uri = other })).GetProperty("contents")[0];
        Assert.Equal(other, contents.GetProperty("uri").GetString());
        var expected = (await app.Mcp().ResultAsync("resources/read", new { uri = current })).GetProperty("contents")[0];
        Assert.Equal(expected.GetProperty("text").GetString(), contents.GetProperty("text").GetString());
    }

    [Theory]
    [InlineData("nothex", "'nothex' is not a widget version")]
    [InlineData("", "'' is not a widget version")]
    [InlineData("abcdefabcdef&x=1", "is not a widget version")]
    public async Task A_malformed_version_is_a_resource_not_found_error_naming_the_current_uri(string version, string why)
    {
        await using var app = await StartAsync();
        var current = await AdvertisedAsync(app);
        using var response = await app.Mcp().PostAsync(JsonSerializer.Serialize(new
        {
            jsonrpc = "2.0", id = 1, method = "resources/read", @params = new { uri = $"{Declared}?v={version}" },
        }));
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var message = await McpHttp.ReadMessageAsync(response);
        var error = message.GetProperty("error");
        Assert.Equal(-32002, error.GetProperty("code").GetInt32());
        var text = error.GetProperty("message").GetString()!;
        Assert.Contains(why, text);
        Assert.Contains(current, text);
    }

    [Fact]
    public async Task Versioning_can_be_turned_off()
    {
        await using var app = await StartAsync(o => o.Widgets.VersionedUris = false);
        Assert.Equal(Declared, await AdvertisedAsync(app));
        var listed = (await app.Mcp().ResultAsync("resources/list")).GetProperty("resources")[0];
        Assert.Equal(Declared, listed.GetProperty("uri").GetString());
        var message = await app.Mcp().RequestAsync("resources/read", new { uri = Declared + "?v=abcdefabcdef" });
        Assert.True(message.TryGetProperty("error", out _));
    }

    [Fact]
    public async Task An_app_without_widget_files_writes_no_generations_folder()
    {
        await using (await LoopbackApp.StartAsync(
            b => b.Services.AddMcpServer().WithHttpTransport().WithInlay(o => o.Widgets.GenerationsPath = _folder.Generations),
            a => a.MapInlay())) { }
        Assert.False(Directory.Exists(_folder.Generations));
    }

    [Fact]
    public async Task A_page_of_the_app_is_not_versioned()
    {
        await using var app = await LoopbackApp.StartAsync(
            b => b.Services.AddMcpServer().WithHttpTransport().WithInlay()
                .WithWidget("ui://widget/page.html", WidgetHtmlSource.FromAppPage("/page")),
            a =>
            {
                a.MapGet("/page", () => Microsoft.AspNetCore.Http.Results.Content("<!doctype html><p>page</p>", "text/html"));
                a.MapInlay();
            });
        var listed = (await app.Mcp().ResultAsync("resources/list")).GetProperty("resources")[0];
        Assert.Equal("ui://widget/page.html", listed.GetProperty("uri").GetString());
    }
}
