using Inlay.BrowserTests.Probe;

namespace Inlay.BrowserTests;

/// <summary>
/// A widget file edited on disk while the app runs: the dev host shows the new widget, with the last tool result and
/// the widget state it had, and the server was never restarted.
/// </summary>
public sealed class DevHostReloadTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "inlay-probe-" + Guid.NewGuid().ToString("N"));
    private ProbeApp _app = null!;

    private string ProbeFile => Path.Combine(_root, "Probe", "probe.html");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Path.Combine(_root, "Probe"));
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Probe", "probe.html"), ProbeFile);
        _app = await ProbeApp.StartAsync(contentRoot: _root);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task An_edited_widget_file_is_shown_without_restarting_the_server_keeping_result_and_state()
    {
        var server = _app.App;
        await using var host = await browser.Browser.OpenAsync(_app.BaseAddress, DevHostMode.ChatGpt);
        await host.CallToolAsync("show_probe", new Dictionary<string, string> { ["text"] = "before the edit" });
        var widget = host.Widget;
        await Assertions.Expect(widget.Locator("#status")).ToHaveTextAsync("result: before the edit");
        await Assertions.Expect(widget.Locator("#saved-state")).ToHaveTextAsync("state: null");
        await widget.Locator("#save-state").ClickAsync();
        await Assertions.Expect(widget.Locator("#out")).ToHaveTextAsync("state saved");

        var html = await File.ReadAllTextAsync(ProbeFile);
        await File.WriteAllTextAsync(ProbeFile, html.Replace("<p id=\"status\">starting</p>", "<h1 id=\"edition\">second edition</h1><p id=\"status\">starting</p>"));

        await Assertions.Expect(widget.Locator("#edition")).ToHaveTextAsync("second edition", new() { Timeout = 15_000 });
        await Assertions.Expect(widget.Locator("#status")).ToHaveTextAsync("result: before the edit");
        await Assertions.Expect(widget.Locator("#saved-state")).ToHaveTextAsync("state: {\"saved\":\"yes\"}");
        Assert.Contains(await host.TranscriptAsync(), e => e.Contains("A widget was rebuilt"));
        Assert.False(server.Lifetime.ApplicationStopping.IsCancellationRequested);
        host.AssertNoConsoleErrors();
    }
}
