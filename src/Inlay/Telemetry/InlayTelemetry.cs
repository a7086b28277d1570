using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Inlay;

/// <summary>
/// Inlay's traces and metrics, on .NET's own diagnostics APIs so any OpenTelemetry setup can collect them:
/// <c>.WithTracing(t =&gt; t.AddSource(InlayTelemetry.Name))</c> and <c>.WithMetrics(m =&gt; m.AddMeter(InlayTelemetry.Name))</c>.
/// Each tool call is one <c>tool {name}</c> activity and one point on <c>inlay.tool.duration</c> (seconds), tagged with
/// the tool name and its outcome: <c>ok</c>, <c>error</c>, <c>invalid_arguments</c>, <c>unauthorized</c> or <c>exception</c>.
/// </summary>
public static class InlayTelemetry
{
    /// <summary>The activity source and meter name.</summary>
    public const string Name = "Inlay";

    /// <summary>The tag naming the tool.</summary>
    public const string ToolTag = "mcp.tool.name";

    /// <summary>The tag naming the outcome.</summary>
    public const string OutcomeTag = "inlay.tool.outcome";

    internal static readonly ActivitySource ActivitySource = new(Name);

    internal static readonly Meter Meter = new(Name);

    internal static readonly Histogram<double> ToolDuration = Meter.CreateHistogram<double>(
        "inlay.tool.duration", unit: "s", description: "Duration of tool calls, by tool and outcome.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });
}
