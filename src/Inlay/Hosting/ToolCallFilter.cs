using System.Runtime.CompilerServices;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Inlay;

/// <summary>
/// Runs before every tool: records the call for request-scoped services and rejects arguments that do not fit the
/// tool's input schema with an <c>isError</c> result naming the argument, before the tool is bound or run.
/// </summary>
internal static class ToolCallFilter
{
    private static readonly ConditionalWeakTable<McpServerTool, ToolArgumentValidator> Validators = new();

    public static McpRequestHandler<CallToolRequestParams, CallToolResult> Create(McpRequestHandler<CallToolRequestParams, CallToolResult> next) =>
        (request, cancellationToken) =>
        {
            if (request.Services?.GetService<ToolCallAccessor>() is { } accessor) accessor.Request = request;

            if (request.MatchedPrimitive is McpServerTool tool)
            {
                var validator = Validators.GetValue(tool, static t => ToolArgumentValidator.Compile(t.ProtocolTool.InputSchema));
                if (validator.Validate(request.Params?.Arguments) is { } problem)
                {
                    return ValueTask.FromResult(new CallToolResult
                    {
                        IsError = true,
                        Content = [new TextContentBlock { Text = $"Invalid arguments for tool '{tool.ProtocolTool.Name}': {problem}" }],
                    });
                }
            }
            return next(request, cancellationToken);
        };
}
