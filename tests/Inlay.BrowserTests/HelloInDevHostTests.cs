namespace Inlay.BrowserTests;

/// <summary>The Hello sample in the dev host, as a person would use it, in both host modes.</summary>
public sealed class HelloInDevHostTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private SampleServer _app = null!;

    public async Task InitializeAsync() => _app = await SampleServer.StartAsync("Hello");

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData(DevHostMode.McpApps)]
    [InlineData(DevHostMode.ChatGpt)]
    public async Task The_greeting_renders_greets_again_from_the_widget_restyles_and_keeps_its_waves_across_a_reload(DevHostMode mode)
    {
        await using var host = await browser.Browser.OpenAsync(_app.BaseAddress, mode);
        var name = $"hello-{mode}";

        await host.CallToolAsync("greet_user", new Dictionary<string, string> { ["name"] = "Ada" });
        var widget = host.Widget;
        await Assertions.Expect(widget.GetByTestId("message")).ToHaveTextAsync("Hello, Ada!");
        await host.ScreenshotAsync($"{name}-1-called");

        // A widget-initiated tools/call: the server answers with a new greeting time.
        var firstTime = await widget.GetByTestId("when").GetAttributeAsync("datetime");
        await widget.GetByRole(AriaRole.Button, new() { Name = "Greet again" }).ClickAsync();
        await Assertions.Expect(widget.GetByTestId("when")).Not.ToHaveAttributeAsync("datetime", firstTime!);
        await Assertions.Expect(widget.GetByTestId("message")).ToHaveTextAsync("Hello, Ada!");

        // The theme switch reaches the widget, which restyles.
        var lightBackground = await Background(widget);
        await host.SetThemeAsync("dark");
        await Assertions.Expect(widget.Locator("html")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("dark"));
        Assert.NotEqual(lightBackground, await Background(widget));
        await host.ScreenshotAsync($"{name}-2-dark");

        // Widget state survives reloading the whole dev host.
        await widget.GetByRole(AriaRole.Button, new() { Name = "Wave back" }).ClickAsync();
        await widget.GetByRole(AriaRole.Button, new() { Name = "Wave back" }).ClickAsync();
        await Assertions.Expect(widget.GetByTestId("waves")).ToHaveTextAsync("Waved 2 times");
        await host.ReloadAsync();
        await Assertions.Expect(host.Widget.GetByTestId("message")).ToHaveTextAsync("Hello, Ada!");
        await Assertions.Expect(host.Widget.GetByTestId("waves")).ToHaveTextAsync("Waved 2 times");
        if (mode == DevHostMode.ChatGpt)
            Assert.Contains("\"waves\": 2", await host.WidgetStateAsync());
        await host.ScreenshotAsync($"{name}-3-reloaded");

        host.AssertNoConsoleErrors();
    }

    private static Task<string> Background(IFrameLocator widget) =>
        widget.Locator("section").First.EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor");
}
