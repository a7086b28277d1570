using System.Text.Json;
using System.Text.Json.Nodes;
using Inlay;

namespace Board.Tests;

/// <summary>The board widget: the React build (web/widgets/board) that dotnet build writes to widgets/board/dist.</summary>
public sealed class BoardWidgetTests : IAsyncLifetime
{
    private BoardApp _app = null!;

    public Task InitializeAsync()
    {
        _app = BoardApp.OnSqlite(Path.Combine(TestRunFolder.NewPath("widget"), "board.db"));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static string RepositoryFolder()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Inlay.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new DirectoryNotFoundException("Inlay.sln not found above the test folder.");
    }

    [Fact]
    public async Task The_widget_html_is_the_vite_entry_with_its_hashed_script_and_style_served_by_the_app()
    {
        using var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(
            Path.Combine(RepositoryFolder(), "samples", "Board", "widgets", "board", "dist", ".vite", "manifest.json")));
        var entry = manifest.RootElement.EnumerateObject().Single(e => e.Value.TryGetProperty("isEntry", out var isEntry) && isEntry.GetBoolean()).Value;
        var file = entry.GetProperty("file").GetString()!;
        var css = entry.GetProperty("css")[0].GetString()!;

        var read = await _app.Mcp.ResultAsync("resources/read", new { uri = "ui://widget/board.html" });
        var contents = read.GetProperty("contents")[0];
        Assert.Equal("text/html;profile=mcp-app", contents.GetProperty("mimeType").GetString());
        var html = contents.GetProperty("text").GetString()!;
        var origin = _app.Mcp.BaseAddress.GetLeftPart(UriPartial.Authority);
        var script = $"{origin}/_inlay/widgets/board/{file}";
        Assert.Contains($"src=\"{script}\"", html);
        Assert.Contains($"href=\"{origin}/_inlay/widgets/board/{css}\"", html);
        Assert.Contains("<div id=\"root\"></div>", html);

        using var http = new HttpClient();
        using var js = await http.GetAsync(script);
        js.EnsureSuccessStatusCode();
        Assert.Equal("text/javascript", js.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Summarize my board", await js.Content.ReadAsStringAsync()); // the React widget
    }

    [Fact]
    public async Task The_committed_tool_schemas_the_widget_types_come_from_are_what_tools_list_advertises()
    {
        var exported = ToolSchemaExport.Create(_app.Services);
        var tools = JsonNode.Parse(exported)!["tools"]!;
        foreach (var listed in (await _app.Mcp.ResultAsync("tools/list")).GetProperty("tools").EnumerateArray())
        {
            var name = listed.GetProperty("name").GetString()!;
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(listed.GetProperty("inputSchema").GetRawText()), tools[name]!["inputSchema"]), name);
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(listed.GetProperty("outputSchema").GetRawText()), tools[name]!["outputSchema"]), name);
        }
        var committed = Path.Combine(RepositoryFolder(), "web", "widgets", "board", "schemas", "tools.json");
        Assert.Equal(exported, await File.ReadAllTextAsync(committed));
    }
}
