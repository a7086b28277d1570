using Inlay.Testing;
using Inlay.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Server;

namespace Inlay.Tests.Declarations;

/// <summary>A <c>[WidgetTool]</c> without a URI shows the one widget its class declares.</summary>
public sealed class ClassWidgetTests
{
    public sealed record Roll(int Value);

    [Widget("ui://widget/dice.html", HtmlFile = "widgets/catalog.html")]
    public sealed class DiceTools
    {
        [McpServerTool(Name = "roll", ReadOnly = true, Destructive = false, OpenWorld = false)]
        [WidgetTool(Invoking = "Rolling…", Invoked = "Rolled")]
        public static WidgetResult<Roll> Roll() => new(new Roll(4), "A four.");

        [McpServerTool(Name = "reroll", ReadOnly = true, Destructive = false, OpenWorld = false)]
        [WidgetTool("ui://widget/dice.html", Invoking = "Rolling again…")]
        public static WidgetResult<Roll> Reroll() => new(new Roll(2), "A two.");
    }

    [Widget("ui://widget/board.html", HtmlFile = "widgets/catalog.html")]
    [Widget("ui://widget/card.html", HtmlFile = "widgets/catalog.html")]
    public sealed class TwoWidgetTools
    {
        [McpServerTool(Name = "show_board", ReadOnly = true, Destructive = false, OpenWorld = false)]
        [WidgetTool(Invoking = "Opening…")]
        public static WidgetResult<Roll> ShowBoard() => new(new Roll(1), "The board.");
    }

    public sealed class NoWidgetTools
    {
        [McpServerTool(Name = "show_nothing", ReadOnly = true, Destructive = false, OpenWorld = false)]
        [WidgetTool]
        public static WidgetResult<Roll> ShowNothing() => new(new Roll(1), "Nothing.");
    }

    private static Task<LoopbackApp> StartAsync(Action<IMcpServerBuilder> configure) => LoopbackApp.StartAsync(
        b => configure(b.Services.AddMcpServer().WithHttpTransport().WithInlay()),
        a => a.MapInlay(), "Production", Dialects.TestContentRoot.Create());

    [Fact]
    public async Task A_widget_tool_without_a_uri_shows_its_class_widget_like_one_that_names_it()
    {
        await using var app = await StartAsync(s => s.WithWidgetTools<DiceTools>());

        var tools = app.App.Services.GetServices<McpServerTool>().OfType<WidgetTool>().ToDictionary(t => t.ProtocolTool.Name);
        Assert.Equal("ui://widget/dice.html", tools["roll"].Widget.WidgetUri);
        Assert.Equal("Rolling…", tools["roll"].Widget.Invoking);
        Assert.Equal("Rolled", tools["roll"].Widget.Invoked);

        var listed = (await app.Mcp().ResultAsync("tools/list")).GetProperty("tools").EnumerateArray()
            .ToDictionary(t => t.GetProperty("name").GetString()!, t => t.GetProperty("_meta"));
        var template = listed["roll"].GetProperty("ui").GetProperty("resourceUri").GetString();
        Assert.StartsWith("ui://widget/dice.html?v=", template);
        Assert.Equal(template, listed["roll"].GetProperty("openai/outputTemplate").GetString());
        Assert.Equal(template, listed["reroll"].GetProperty("ui").GetProperty("resourceUri").GetString());
    }

    [Fact]
    public async Task Without_a_uri_a_class_with_several_widgets_fails_start_up_naming_the_method_and_the_widgets()
    {
        var failure = await Assert.ThrowsAsync<InlayValidationException>(() => StartAsync(s => s.WithWidgetTools<TwoWidgetTools>()));
        var problem = Assert.Single(failure.Problems);
        Assert.Contains("tool 'show_board'", problem);
        Assert.Contains("TwoWidgetTools.ShowBoard", problem);
        Assert.Contains("ui://widget/board.html, ui://widget/card.html", problem);
    }

    [Fact]
    public async Task Without_a_uri_a_class_with_no_widget_fails_start_up_naming_the_method()
    {
        var failure = await Assert.ThrowsAsync<InlayValidationException>(() => StartAsync(s => s.WithWidgetTools<NoWidgetTools>()));
        var problem = Assert.Single(failure.Problems);
        Assert.Contains("NoWidgetTools.ShowNothing", problem);
        Assert.Contains("declares no [Widget]", problem);
    }
}
