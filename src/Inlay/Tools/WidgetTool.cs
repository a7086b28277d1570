using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Inlay;

/// <summary>
/// A tool whose result a widget renders. Its <see cref="ProtocolTool"/> carries the widget link, status texts and
/// visibility in both dialects; the link follows the widget's current content version, and the descriptor is rebuilt
/// only when that version changes. Invocation is delegated unchanged.
/// </summary>
public sealed class WidgetTool : DelegatingMcpServerTool
{
    private readonly Tool _declared;
    private readonly WidgetServing? _serving;
    private readonly WidgetVersions? _versions;
    private Described _described;

    /// <param name="invoker">The tool as the SDK built it.</param>
    /// <param name="declared">Its descriptor with the output schema, before the widget keys are added to <c>_meta</c>.</param>
    /// <param name="widget">How the tool shows its widget.</param>
    /// <param name="outputType">The type behind <c>structuredContent</c>.</param>
    /// <param name="serving">The widget's resources, when the widget is declared.</param>
    /// <param name="versions">The widgets' content versions, when URIs are versioned.</param>
    internal WidgetTool(McpServerTool invoker, Tool declared, WidgetToolOptions widget, Type? outputType, WidgetServing? serving, WidgetVersions? versions)
        : base(invoker)
    {
        _declared = declared;
        _serving = serving;
        _versions = versions;
        Widget = widget;
        OutputType = outputType;
        _described = new Described(null, Describe(null));
    }

    /// <inheritdoc />
    public override Tool ProtocolTool
    {
        get
        {
            var version = _serving is null ? null : _versions?.Current(_serving.Widget.Uri);
            var described = _described;
            if (!string.Equals(described.Version, version, StringComparison.Ordinal))
            {
                described = new Described(version, Describe(version));
                _described = described;
            }
            return described.Tool;
        }
    }

    /// <summary>How this tool shows its widget.</summary>
    public WidgetToolOptions Widget { get; }

    /// <summary>The C# type behind <c>structuredContent</c>, when the tool declares one.</summary>
    public Type? OutputType { get; }

    private Tool Describe(string? version)
    {
        var tool = WidgetToolFactory.Clone(_declared);
        tool.Meta = ToolMetaWriter.Write(tool.Meta, Widget, _serving, version);
        return tool;
    }

    /// <summary>A descriptor and the version it links to; replaced as a whole so readers never see a mix.</summary>
    private sealed record Described(string? Version, Tool Tool);
}
