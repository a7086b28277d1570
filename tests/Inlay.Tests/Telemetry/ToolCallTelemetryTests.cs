using System.Diagnostics;
using Inlay.Testing;
using Inlay.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Server;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Inlay.Tests.Telemetry;

public sealed class ToolCallTelemetryTests
{
    public sealed class Tools
    {
        [McpServerTool(Name = "add", ReadOnly = true, Destructive = false, OpenWorld = false)]
        public static int Add(int a, int b) => a + b;

        [McpServerTool(Name = "fail", ReadOnly = true, Destructive = false, OpenWorld = false)]
        public static int Fail() => throw new InvalidOperationException("boom");
    }

    [Fact]
    public async Task Each_tool_call_is_a_span_and_a_duration_point_tagged_with_tool_and_outcome()
    {
        var spans = new List<Activity>();
        var metrics = new List<Metric>();
        await using var app = await LoopbackApp.StartAsync(b =>
        {
            b.Services.AddOpenTelemetry()
                .WithTracing(t => t.SetSampler(new AlwaysOnSampler()).AddSource(InlayTelemetry.Name).AddInMemoryExporter(spans))
                .WithMetrics(m => m.AddMeter(InlayTelemetry.Name).AddInMemoryExporter(metrics));
            b.Services.AddMcpServer().WithHttpTransport().WithInlay().WithWidgetTools<Tools>();
        }, a => a.MapInlay());

        await app.Mcp().ResultAsync("tools/call", new { name = "add", arguments = new { a = 1, b = 2 } });
        await app.Mcp().ResultAsync("tools/call", new { name = "add", arguments = new { a = "x", b = 2 } });
        await app.Mcp().ResultAsync("tools/call", new { name = "fail", arguments = new { } });
        app.App.Services.GetRequiredService<MeterProvider>().ForceFlush();
        app.App.Services.GetRequiredService<TracerProvider>().ForceFlush();

        // The activity source is process-wide and other tests run in parallel: keep this test's tools only.
        var outcomes = spans.Where(s => s.Source.Name == InlayTelemetry.Name && s.DisplayName is "tool add" or "tool fail")
            .Select(s => $"{s.DisplayName}:{s.GetTagItem(InlayTelemetry.OutcomeTag)}").ToList();
        Assert.Equal(["tool add:ok", "tool add:invalid_arguments", "tool fail:exception"], outcomes);

        var duration = Assert.Single(metrics, m => m.Name == "inlay.tool.duration");
        Assert.Equal("s", duration.Unit);
        var points = new List<(string Tool, string Outcome, long Count)>();
        foreach (ref readonly var point in duration.GetMetricPoints())
        {
            string tool = "", outcome = "";
            foreach (var tag in point.Tags)
            {
                if (tag.Key == InlayTelemetry.ToolTag) tool = (string)tag.Value!;
                if (tag.Key == InlayTelemetry.OutcomeTag) outcome = (string)tag.Value!;
            }
            points.Add((tool, outcome, point.GetHistogramCount()));
        }
        Assert.Contains(("add", "ok", 1L), points);
        Assert.Contains(("add", "invalid_arguments", 1L), points);
        Assert.Contains(("fail", "exception", 1L), points);
    }
}
