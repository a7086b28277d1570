using Inlay.Testing;
using Inlay.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Server;

namespace Inlay.Tests.Declarations;

public sealed class StartupValidationTests
{
    public sealed record Item(string Id);

    /// <summary>A tools class with one of each mistake.</summary>
    [Widget("ui://widget/good.html", HtmlFile = "widgets/catalog.html")]
    [Widget("https://example.com/not-ui.html", HtmlFile = "widgets/catalog.html")]
    [Widget("ui://widget/missing-file.html", HtmlFile = "widgets/does-not-exist.html")]
    [Widget("ui://widget/bad-csp.html", HtmlFile = "widgets/catalog.html",
        ConnectDomains = ["http://api.example.com", "https://*.example.com", "https://api.example.com/v1", "localhost:3000"],
        ResourceDomains = ["http://localhost:5173"],
        Domain = "myapp.example.com")]
    public sealed class BadTools
    {
        [McpServerTool(Name = "long_status", ReadOnly = true, Destructive = false, OpenWorld = false)]
        [WidgetTool("ui://widget/good.html",
            Invoking = "This status text goes on and on well past what ChatGPT shows in its status line",
            Invoked = "Done")]
        public static WidgetResult<Item> LongStatus() => new(new Item("1"), "ok");

        [McpServerTool(Name = "unregistered", ReadOnly = true, Destructive = false, OpenWorld = false)]
        [WidgetTool("ui://widget/nowhere.html")]
        public static WidgetResult<Item> Unregistered() => new(new Item("1"), "ok");

        [McpServerTool(Name = "not_ui", ReadOnly = true, Destructive = false, OpenWorld = false)]
        [WidgetTool("widget/relative.html")]
        public static WidgetResult<Item> NotUi() => new(new Item("1"), "ok");

        [McpServerTool(Name = "array_output", ReadOnly = true, Destructive = false, OpenWorld = false)]
        [WidgetTool("ui://widget/good.html")]
        public static WidgetResult<List<Item>> ArrayOutput() => new([new Item("1")], "ok");

        [McpServerTool(Name = "bad_visibility", ReadOnly = true, Destructive = false, OpenWorld = false)]
        [WidgetTool("ui://widget/good.html", Visibility = (ToolVisibility)4)]
        public static WidgetResult<Item> BadVisibility() => new(new Item("1"), "ok");

        [McpServerTool(Name = "dup", ReadOnly = true, Destructive = false, OpenWorld = false)]
        public static string Dup1() => "1";

        [McpServerTool(Name = "dup", ReadOnly = true, Destructive = false, OpenWorld = false)]
        public static string Dup2() => "2";
    }

    private static async Task<InlayValidationException> StartExpectingFailure(Action<IMcpServerBuilder> configure, string environment = "Production")
    {
        var root = Dialects.TestContentRoot.Create();
        return await Assert.ThrowsAsync<InlayValidationException>(async () =>
        {
            await using var app = await LoopbackApp.StartAsync(
                b => configure(b.Services.AddMcpServer().WithHttpTransport().WithInlay()),
                a => a.MapInlay(), environment, root);
        });
    }

    [Fact]
    public async Task Every_problem_is_listed_in_one_failure_naming_the_widget_or_tool_and_the_rule()
    {
        var failure = await StartExpectingFailure(s => s.WithWidgetTools<BadTools>()
            .WithWidget("ui://widget/good.html", WidgetHtmlSource.FromString("<p>again</p>")));
        var problems = failure.Problems;
        void Has(string subject, string rule) =>
            Assert.Contains(problems, p => p.StartsWith(subject, StringComparison.Ordinal) && p.Contains(rule, StringComparison.Ordinal));

        Has("tool 'long_status'", "invoking status text is 79 characters; the limit is 64");
        Has("tool 'unregistered'", "'ui://widget/nowhere.html' is not a registered widget");
        Has("tool 'not_ui'", "'widget/relative.html' must start with ui://");
        Has("tool 'array_output'", "does not serialize to a JSON object");
        Has("tool 'bad_visibility'", "visibility '4' must be Model, App or ModelAndApp");
        Has("tool 'dup'", "registered more than once");
        Has("widget 'https://example.com/not-ui.html'", "must start with ui://");
        Has("widget 'ui://widget/good.html'", "declared more than once");
        Has("widget 'ui://widget/missing-file.html'", "cannot be read");
        Has("widget 'ui://widget/bad-csp.html'", "ConnectDomains entry 'http://api.example.com' is not an https origin");
        Has("widget 'ui://widget/bad-csp.html'", "ConnectDomains entry 'https://*.example.com' contains a wildcard");
        Has("widget 'ui://widget/bad-csp.html'", "ConnectDomains entry 'https://api.example.com/v1' is not an origin");
        Has("widget 'ui://widget/bad-csp.html'", "ConnectDomains entry 'localhost:3000' is not an https origin");
        Has("widget 'ui://widget/bad-csp.html'", "ResourceDomains entry 'http://localhost:5173' is a plain-http loopback origin, which is allowed only in Development");
        Has("widget 'ui://widget/bad-csp.html'", "Domain 'myapp.example.com'");
        Assert.Equal(15, problems.Count);
        Assert.StartsWith("Inlay found 15 problems", failure.Message);
        foreach (var problem in problems) Assert.Contains(problem, failure.Message);
    }

    [Fact]
    public async Task Loopback_http_origins_are_allowed_in_development()
    {
        var root = Dialects.TestContentRoot.Create();
        await using var app = await LoopbackApp.StartAsync(
            b => b.Services.AddMcpServer().WithHttpTransport().WithInlay()
                .WithWidget("ui://widget/dev.html", WidgetHtmlSource.FromString("<p>dev</p>"), w => w.Csp.ResourceDomains.Add("http://localhost:5173")),
            a => a.MapInlay(), "Development", root);
        var read = await app.Mcp().ResultAsync("resources/read", new { uri = "ui://widget/dev.html" });
        Assert.Contains("http://localhost:5173", read.GetProperty("contents")[0].GetProperty("_meta").GetProperty("ui").GetProperty("csp").GetProperty("resourceDomains").EnumerateArray().Select(e => e.GetString()));
    }

    public sealed class UnannotatedTools
    {
        [McpServerTool(Name = "vague")]
        public static string Vague() => "?";
    }

    [Fact]
    public async Task Missing_annotation_hints_are_a_warning_not_a_failure()
    {
        await using var app = await LoopbackApp.StartAsync(
            b => b.Services.AddMcpServer().WithHttpTransport().WithInlay().WithWidgetTools<UnannotatedTools>(),
            a => a.MapInlay());
        var warning = Assert.Single(app.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("'vague'"));
        Assert.Contains("ReadOnly, Destructive, OpenWorld", warning.Message);
    }

    [Fact]
    public async Task Map_inlay_without_with_inlay_says_what_to_call()
    {
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await using var app = await LoopbackApp.StartAsync(b => b.Services.AddMcpServer().WithHttpTransport(), a => a.MapInlay());
        });
        Assert.Contains("WithInlay()", failure.Message);
    }
}
