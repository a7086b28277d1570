using System.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Inlay;

/// <summary>
/// Runs around every tool: records the call for request-scoped services, refuses protected tools to callers whose
/// token does not allow them, rejects arguments that do not fit the tool's input schema with an <c>isError</c> result
/// naming the argument (before the tool is bound or run), and measures the call's duration and outcome.
/// </summary>
internal static class ToolCallFilter
{
    private static readonly ConditionalWeakTable<McpServerTool, ToolArgumentValidator> Validators = new();

    public static McpRequestHandler<CallToolRequestParams, CallToolResult> Create(McpRequestHandler<CallToolRequestParams, CallToolResult> next) =>
        (request, cancellationToken) =>
        {
            if (request.Services?.GetService<ToolCallAccessor>() is { } accessor) accessor.Request = request;
            if (request.MatchedPrimitive is not McpServerTool tool) return next(request, cancellationToken);
            return MeasureAsync(request, tool, next, cancellationToken);
        };

    private static async ValueTask<CallToolResult> MeasureAsync(
        RequestContext<CallToolRequestParams> request, McpServerTool tool,
        McpRequestHandler<CallToolRequestParams, CallToolResult> next, CancellationToken cancellationToken)
    {
        var name = tool.ProtocolTool.Name;
        using var activity = InlayTelemetry.ActivitySource.StartActivity("tool " + name);
        activity?.SetTag(InlayTelemetry.ToolTag, name);
        var started = Stopwatch.GetTimestamp();
        var outcome = "exception";
        try
        {
            var (result, refusal) = await RunAsync(request, tool, next, cancellationToken);
            outcome = refusal ?? (result.IsError == true ? "error" : "ok");
            return result;
        }
        finally
        {
            activity?.SetTag(InlayTelemetry.OutcomeTag, outcome);
            if (outcome != "ok") activity?.SetStatus(ActivityStatusCode.Error, outcome);
            if (InlayTelemetry.ToolDuration.Enabled)
            {
                InlayTelemetry.ToolDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds,
                    new KeyValuePair<string, object?>(InlayTelemetry.ToolTag, name), new KeyValuePair<string, object?>(InlayTelemetry.OutcomeTag, outcome));
            }
        }
    }

    /// <summary>The result, and the outcome when Inlay refused the call before the tool ran.</summary>
    private static async ValueTask<(CallToolResult Result, string? Refusal)> RunAsync(
        RequestContext<CallToolRequestParams> request, McpServerTool tool,
        McpRequestHandler<CallToolRequestParams, CallToolResult> next, CancellationToken cancellationToken)
    {
        if (request.Services?.GetService<ProtectedToolCatalog>() is { ByName.Count: > 0 } catalog
            && catalog.ByName.TryGetValue(tool.ProtocolTool.Name, out var requirement) && requirement.IsProtected)
        {
            var publicUrl = request.Services.GetRequiredService<PublicUrlResolver>();
            if (await ToolCallAuthorizer.CheckAsync(request, tool, requirement, publicUrl) is { } refusal) return (refusal, "unauthorized");
        }

        var validator = Validators.GetValue(tool, static t => ToolArgumentValidator.Compile(t.ProtocolTool.InputSchema));
        if (validator.Validate(request.Params?.Arguments) is { } problem)
        {
            return (new CallToolResult
            {
                IsError = true,
                Content = [new TextContentBlock { Text = $"Invalid arguments for tool '{tool.ProtocolTool.Name}': {problem}" }],
            }, "invalid_arguments");
        }
        return (await next(request, cancellationToken), null);
    }
}
