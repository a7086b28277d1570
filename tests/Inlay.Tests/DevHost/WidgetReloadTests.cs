using System.Net;
using System.Text.RegularExpressions;
using Inlay.DevHost;
using Inlay.Tests.Support;
using Inlay.Tests.Versioning;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Inlay.Tests.DevHost;

/// <summary>
/// In Development a widget rebuilt while the app runs is served at once, without a restart: new version, new document,
/// a change event for the dev host, and the previous build's files still served.
/// </summary>
public sealed class WidgetReloadTests : IDisposable
{
    private const string Declared = "ui://widget/greeting.html";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);
    private readonly VersionedWidgetFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private Task<LoopbackApp> StartAsync(Action<DevHostOptions>? configure = null) =>
        LoopbackApp.StartAsync(
            b =>
            {
                b.Services.AddMcpServer().WithHttpTransport()
                    .WithInlay(o => o.Widgets.GenerationsPath = _folder.Generations)
                    .WithWidget(Declared, WidgetHtmlSource.FromAssetFolder("widgets/greeting/dist"));
                b.Services.AddInlayDevHost(configure);
            },
            a => a.MapInlay(),
            contentRoot: _folder.Root);

    private static async Task<string> ListedUriAsync(LoopbackApp app) =>
        (await app.Mcp().ResultAsync("resources/list")).GetProperty("resources")[0].GetProperty("uri").GetString()!;

    private static async Task<string> DocumentAsync(LoopbackApp app, string uri) =>
        (await app.Mcp().ResultAsync("resources/read", new { uri })).GetProperty("contents")[0].GetProperty("text").GetString()!;

    [Fact]
    public async Task A_rebuilt_widget_is_read_with_its_new_version_without_a_restart()
    {
        await using var app = await StartAsync();
        var before = await ListedUriAsync(app);
        Assert.Contains("index-Aa11bb22.js", await DocumentAsync(app, Declared));

        _folder.Build("index-Cc33dd44", "console.log('two');");

        var deadline = DateTime.UtcNow + Patience;
        string after;
        while ((after = await ListedUriAsync(app)) == before && DateTime.UtcNow < deadline) await Task.Delay(50);
        Assert.NotEqual(before, after);
        Assert.Matches(@"\?v=[0-9a-f]{12}$", after);
        var document = await DocumentAsync(app, Declared);
        Assert.Contains("index-Cc33dd44.js", document);
        Assert.DoesNotContain("index-Aa11bb22.js", document);
        Assert.Equal(document, await DocumentAsync(app, after));

        // The tool listing follows too, and what the page showed a moment ago still loads.
        Assert.Contains("index-Cc33dd44.js", await DocumentAsync(app, before));
        Assert.Equal("console.log('one');", await app.Http.GetStringAsync("/_inlay/widgets/greeting/assets/index-Aa11bb22.js"));
        Assert.Equal("console.log('two');", await app.Http.GetStringAsync("/_inlay/widgets/greeting/assets/index-Cc33dd44.js"));

        // The build replaced the whole folder; the next build is noticed as well.
        _folder.Build("index-Ee55ff66", "console.log('three');");
        deadline = DateTime.UtcNow + Patience;
        string third;
        while ((third = await ListedUriAsync(app)) == after && DateTime.UtcNow < deadline) await Task.Delay(50);
        Assert.NotEqual(after, third);
        Assert.Contains("index-Ee55ff66.js", await DocumentAsync(app, third));
    }

    [Fact]
    public async Task The_dev_host_is_told_through_server_sent_events()
    {
        await using var app = await StartAsync();
        var before = await ListedUriAsync(app);
        using var response = await app.Http.GetAsync("/_inlay/events", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        Assert.Equal("event: connected", await reader.ReadLineAsync());

        _folder.Build("index-Cc33dd44", "console.log('two');");

        using var timeout = new CancellationTokenSource(Patience);
        string? line;
        while ((line = await reader.ReadLineAsync(timeout.Token)) != "event: widgets-changed") Assert.NotNull(line);
        var data = await reader.ReadLineAsync(timeout.Token);
        var version = Regex.Match(data!, "^data: \\{\"versions\":\\{\"ui://widget/greeting.html\":\"([0-9a-f]{12})\"\\}\\}$").Groups[1].Value;
        Assert.NotEmpty(version);
        Assert.Equal($"{Declared}?v={version}", await ListedUriAsync(app));
        Assert.NotEqual(before, await ListedUriAsync(app));
    }

    [Fact]
    public async Task Watching_can_be_turned_off()
    {
        await using var app = await StartAsync(o => o.WatchWidgets = false);
        var before = await ListedUriAsync(app);
        _folder.Build("index-Cc33dd44", "console.log('two');");
        await Task.Delay(WidgetFileWatcher.Quiet * 4);
        Assert.Equal(before, await ListedUriAsync(app));
    }
}
