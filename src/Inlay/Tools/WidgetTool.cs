using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Inlay;

/// <summary>
/// A tool whose result a widget renders. Its <see cref="ProtocolTool"/> carries the widget link, status texts and
/// visibility in both dialects, computed once; invocation is delegated unchanged.
/// </summary>
public sealed class WidgetTool : DelegatingMcpServerTool
{
    internal WidgetTool(McpServerTool invoker, Tool protocolTool, WidgetToolOptions widget, Type? outputType)
        : base(invoker)
    {
        ProtocolTool = protocolTool;
        Widget = widget;
        OutputType = outputType;
    }

    /// <inheritdoc />
    public override Tool ProtocolTool { get; }

    /// <summary>How this tool shows its widget.</summary>
    public WidgetToolOptions Widget { get; }

    /// <summary>The C# type behind <c>structuredContent</c>, when the tool declares one.</summary>
    public Type? OutputType { get; }
}
