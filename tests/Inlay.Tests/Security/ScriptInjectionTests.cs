using Inlay.Testing;
using Inlay.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Server;

namespace Inlay.Tests.Security;

/// <summary>Tool data that looks like markup travels as escaped JSON and never lands in the served widget HTML.</summary>
public sealed class ScriptInjectionTests
{
    private const string Hostile = "</script><script>alert(document.domain)</script><img src=x onerror=alert(1)>";

    public sealed record Note(string Text);

    public sealed class Tools
    {
        [McpServerTool(Name = "echo_note", ReadOnly = true, Destructive = false, OpenWorld = false)]
        [WidgetTool("ui://widget/note.html")]
        public static WidgetResult<Note> Echo(string text) => new(new Note(text), text) { WidgetMeta = new() { ["raw"] = text } };
    }

    [Fact]
    public async Task Markup_in_tool_data_is_escaped_on_the_wire_and_absent_from_the_template()
    {
        await using var app = await LoopbackApp.StartAsync(
            b => b.Services.AddMcpServer().WithHttpTransport().WithInlay()
                .WithWidget("ui://widget/note.html", WidgetHtmlSource.FromString("<!doctype html><div id=note></div><script>/* renders with textContent */</script>"))
                .WithWidgetTools<Tools>(),
            a => a.MapInlay());

        var body = System.Text.Json.JsonSerializer.Serialize(new { jsonrpc = "2.0", id = 1, method = "tools/call", @params = new { name = "echo_note", arguments = new { text = Hostile } } });
        var raw = await (await app.Mcp().PostAsync(body)).Content.ReadAsStringAsync();
        Assert.DoesNotContain("</script>", raw, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", raw, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("\\u003C/script\\u003E", raw);

        var parsed = await McpHttp.ReadMessageAsync(new HttpResponseMessage { Content = new StringContent(raw) });
        Assert.Equal(Hostile, parsed.GetProperty("result").GetProperty("structuredContent").GetProperty("text").GetString());

        var template = await app.Mcp().ResultAsync("resources/read", new { uri = "ui://widget/note.html" });
        Assert.DoesNotContain("alert(", template.GetProperty("contents")[0].GetProperty("text").GetString());
    }
}
