using System.Text.RegularExpressions;

namespace Inlay.BrowserTests;

/// <summary>
/// The Board sample (a React widget that changes data through widget-initiated tool calls) in the dev host, in both
/// host modes, on its own SQLite file.
/// </summary>
public sealed class BoardInDevHostTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private readonly string _data = Directory.CreateTempSubdirectory("inlay-board-").FullName;
    private SampleServer _app = null!;

    public async Task InitializeAsync() =>
        _app = await SampleServer.StartAsync("Board", new Dictionary<string, string> { ["Board__SqlitePath"] = Path.Combine(_data, "board.db") });

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        Directory.Delete(_data, recursive: true);
    }

    [Theory]
    [InlineData(DevHostMode.McpApps)]
    [InlineData(DevHostMode.ChatGpt)]
    public async Task Tasks_are_added_and_moved_from_the_widget_restyled_by_the_theme_and_the_filter_survives_a_reload(DevHostMode mode)
    {
        await using var host = await browser.Browser.OpenAsync(_app.BaseAddress, mode);
        var name = $"board-{mode}";
        var title = $"Write the release notes ({mode})";

        await host.CallToolAsync("show_board");
        var widget = host.Widget;
        await Assertions.Expect(widget.GetByRole(AriaRole.Heading, new() { Name = "Task board" })).ToBeVisibleAsync();

        // add_task and move_task, called by the widget, round-trip through the server.
        await widget.GetByLabel("New task title").FillAsync(title);
        await widget.GetByRole(AriaRole.Button, new() { Name = "Add task" }).ClickAsync();
        var card = widget.Locator("[data-column=todo] li", new() { HasText = title });
        await Assertions.Expect(card).ToBeVisibleAsync();
        await Assertions.Expect(card).Not.ToHaveAttributeAsync("aria-busy", "true");
        await widget.GetByRole(AriaRole.Button, new() { Name = $"Move \"{title}\" to In progress" }).ClickAsync();
        var moved = widget.Locator("[data-column=doing] li", new() { HasText = title });
        await Assertions.Expect(moved).ToBeVisibleAsync();
        await Assertions.Expect(moved).Not.ToHaveAttributeAsync("aria-busy", "true");
        await Assertions.Expect(widget.Locator("[data-column=todo] li", new() { HasText = title })).ToHaveCountAsync(0);
        await host.ScreenshotAsync($"{name}-1-moved");

        // The move reached the database: a fresh show_board has the card in Doing.
        await host.CallToolAsync("show_board");
        await Assertions.Expect(host.Widget.Locator("[data-column=doing] li", new() { HasText = title })).ToBeVisibleAsync();

        // The theme switch restyles the board.
        widget = host.Widget;
        var column = widget.Locator("[data-column=doing]");
        var lightBackground = await Background(column);
        await host.SetThemeAsync("dark");
        await Assertions.Expect(widget.Locator("html")).ToHaveClassAsync(new Regex("dark"));
        Assert.NotEqual(lightBackground, await Background(column));
        await host.ScreenshotAsync($"{name}-2-dark");

        // The filter lives in widget state, so it survives reloading the whole dev host.
        await widget.GetByLabel("Filter tasks").SelectOptionAsync("done");
        await Assertions.Expect(widget.Locator("[data-column=doing] li", new() { HasText = title })).ToHaveCountAsync(0);
        await host.ReloadAsync();
        await Assertions.Expect(host.Widget.GetByLabel("Filter tasks")).ToHaveValueAsync("done");
        await Assertions.Expect(host.Widget.Locator("[data-column=doing]")).ToContainTextAsync("None shown");
        if (mode == DevHostMode.ChatGpt)
            Assert.Contains("\"filter\": \"done\"", await host.WidgetStateAsync());
        await host.ScreenshotAsync($"{name}-3-reloaded");

        // The follow-up message reaches the transcript.
        await host.Widget.GetByRole(AriaRole.Button, new() { Name = "Summarize my board" }).ClickAsync();
        await host.OpenTabAsync("transcript");
        await Assertions.Expect(host.Page.GetByTestId("transcript")).ToContainTextAsync("Summarize my task board");

        host.AssertNoConsoleErrors();
    }

    [Theory]
    [InlineData(DevHostMode.McpApps)]
    [InlineData(DevHostMode.ChatGpt)]
    public async Task A_move_the_server_refuses_is_rolled_back_and_its_reason_shown(DevHostMode mode)
    {
        await using var host = await browser.Browser.OpenAsync(_app.BaseAddress, mode);
        var title = $"Deleted elsewhere ({mode})";
        using var http = new HttpClient { BaseAddress = _app.BaseAddress };
        var mcp = new McpHttp(http);
        var added = await mcp.CallToolAsync("add_task", new { title });
        var id = added.GetProperty("structuredContent").GetProperty("task").GetProperty("id").GetString()!;

        await host.CallToolAsync("show_board");
        var widget = host.Widget;
        var card = widget.Locator("[data-column=todo] li", new() { HasText = title });
        await Assertions.Expect(card).ToBeVisibleAsync();

        // Another client deletes the task while the widget still shows it.
        await mcp.CallToolAsync("delete_task", new { id });
        await widget.GetByRole(AriaRole.Button, new() { Name = $"Move \"{title}\" to In progress" }).ClickAsync();

        await Assertions.Expect(widget.GetByTestId("error")).ToContainTextAsync(id);
        await Assertions.Expect(widget.Locator("[data-column=doing] li", new() { HasText = title })).ToHaveCountAsync(0);
        await host.ScreenshotAsync($"board-{mode}-refused");
        host.AssertNoConsoleErrors();
    }

    private static Task<string> Background(ILocator element) =>
        element.EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor");
}
