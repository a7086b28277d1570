using System.Runtime.CompilerServices;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Inlay;

/// <summary>
/// Runs before every tool: records the call for request-scoped services, refuses protected tools to callers whose
/// token does not allow them, and rejects arguments that do not fit the tool's input schema with an <c>isError</c>
/// result naming the argument, before the tool is bound or run.
/// </summary>
internal static class ToolCallFilter
{
    private static readonly ConditionalWeakTable<McpServerTool, ToolArgumentValidator> Validators = new();

    public static McpRequestHandler<CallToolRequestParams, CallToolResult> Create(McpRequestHandler<CallToolRequestParams, CallToolResult> next) =>
        (request, cancellationToken) =>
        {
            if (request.Services?.GetService<ToolCallAccessor>() is { } accessor) accessor.Request = request;
            if (request.MatchedPrimitive is not McpServerTool tool) return next(request, cancellationToken);
            return ToolAuthorization.For(tool).IsProtected
                ? AuthorizeThenRunAsync(request, tool, next, cancellationToken)
                : ValidateThenRun(request, tool, next, cancellationToken);
        };

    private static async ValueTask<CallToolResult> AuthorizeThenRunAsync(
        RequestContext<CallToolRequestParams> request, McpServerTool tool,
        McpRequestHandler<CallToolRequestParams, CallToolResult> next, CancellationToken cancellationToken)
    {
        var publicUrl = request.Services!.GetRequiredService<PublicUrlResolver>();
        if (await ToolCallAuthorizer.CheckAsync(request, tool, publicUrl) is { } refusal) return refusal;
        return await ValidateThenRun(request, tool, next, cancellationToken);
    }

    private static ValueTask<CallToolResult> ValidateThenRun(
        RequestContext<CallToolRequestParams> request, McpServerTool tool,
        McpRequestHandler<CallToolRequestParams, CallToolResult> next, CancellationToken cancellationToken)
    {
        var validator = Validators.GetValue(tool, static t => ToolArgumentValidator.Compile(t.ProtocolTool.InputSchema));
        if (validator.Validate(request.Params?.Arguments) is not { } problem) return next(request, cancellationToken);
        return ValueTask.FromResult(new CallToolResult
        {
            IsError = true,
            Content = [new TextContentBlock { Text = $"Invalid arguments for tool '{tool.ProtocolTool.Name}': {problem}" }],
        });
    }
}
