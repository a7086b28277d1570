using System.Text.Json;

namespace Inlay.BrowserTests;

/// <summary>
/// "Stream input": the Hello widget comes up before the tool runs and shows the name as partial inputs grow it, with a
/// caret, then the greeting once the tool has run with the complete input.
/// </summary>
public sealed class StreamedInputTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private const string Name = "Ada Lovelace";
    private SampleServer _app = null!;

    public async Task InitializeAsync() => _app = await SampleServer.StartAsync("Hello");

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData(DevHostMode.McpApps)]
    [InlineData(DevHostMode.ChatGpt)]
    [InlineData(DevHostMode.Claude)]
    public async Task The_name_appears_as_it_streams_with_a_caret_then_the_greeting(DevHostMode mode)
    {
        await using var host = await browser.Browser.OpenAsync(_app.BaseAddress, mode);
        if (mode == DevHostMode.Claude) await host.SetDeclaredCspOriginsAppliedAsync(true);
        await host.SetStreamInputAsync(true, intervalMs: 150);
        await host.StartToolCallAsync("greet_user", new Dictionary<string, string> { ["name"] = Name });

        // Record every state of the pending card from inside the widget while the name streams.
        var widget = host.Widget;
        await widget.Locator("main").WaitForAsync();
        await widget.Locator("body").EvaluateAsync("""
            () => {
              const seen = (window.__seen = []);
              const look = () => {
                const name = document.querySelector("[data-testid=pending-name]");
                if (!name) return;
                const state = { name: name.textContent, caret: !!document.querySelector("[data-testid=caret]") };
                const last = seen[seen.length - 1];
                if (!last || last.name !== state.name || last.caret !== state.caret) seen.push(state);
              };
              look();
              new MutationObserver(look).observe(document.body, { subtree: true, childList: true, characterData: true });
            }
            """);
        await Assertions.Expect(widget.GetByTestId("caret")).ToBeVisibleAsync();
        await host.ScreenshotAsync($"stream-{DevHostPage.HostId(mode)}-1-streaming");
        await host.WaitForToolCallAsync();
        await Assertions.Expect(widget.GetByTestId("message")).ToHaveTextAsync($"Hello, {Name}!");
        await host.ScreenshotAsync($"stream-{DevHostPage.HostId(mode)}-2-greeted");

        var seen = await widget.Locator("body").EvaluateAsync<JsonElement>("() => window.__seen");
        var streamed = seen.EnumerateArray().Where(s => s.GetProperty("caret").GetBoolean()).Select(s => s.GetProperty("name").GetString()!).ToList();
        Assert.True(streamed.Count >= 5, $"Saw the streaming name only as: {string.Join(" | ", streamed)}");
        Assert.Equal(Name, streamed[^1]);
        for (var i = 0; i < streamed.Count; i++)
        {
            Assert.StartsWith(streamed[i], Name, StringComparison.Ordinal);
            if (i > 0) Assert.True(streamed[i].Length > streamed[i - 1].Length, $"Not growing: {string.Join(" | ", streamed)}");
        }

        // On the wire: one partial input per character, each a longer prefix, then the complete input, then the call.
        var log = (await host.MessageLogAsync()).ToList();
        var partials = log.Select((e, i) => (e, i)).Where(x => x.e.Label == "ui/notifications/tool-input-partial").ToList();
        Assert.Equal(Name.Length, partials.Count);
        Assert.Equal(
            Enumerable.Range(1, Name.Length).Select(n => Name[..n]),
            partials.Select(p => p.e.Message.GetProperty("params").GetProperty("arguments").GetProperty("name").GetString()));
        var input = log.FindIndex(e => e.Label == "ui/notifications/tool-input");
        var call = log.FindLastIndex(e => e.Channel == "mcp" && e.Label == "tools/call");
        var result = log.FindIndex(e => e.Label == "ui/notifications/tool-result");
        Assert.True(partials[^1].i < input && input < call && call < result, $"partials end {partials[^1].i}, input {input}, call {call}, result {result}");
        host.AssertNoConsoleErrors();
    }
}
