namespace Inlay;

/// <summary>
/// Marks an <c>[McpServerTool]</c> method as one whose result a widget renders. Inlay emits the template link,
/// status texts and visibility in both the MCP Apps and the ChatGPT dialect.
/// </summary>
/// <param name="widgetUri">The <c>ui://</c> URI of a declared widget.</param>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class WidgetToolAttribute(string widgetUri) : Attribute
{
    /// <summary>The <c>ui://</c> URI of the widget that renders this tool's result.</summary>
    public string WidgetUri { get; } = widgetUri;

    /// <summary>Status text while the tool runs (at most 64 characters).</summary>
    public string? Invoking { get; set; }

    /// <summary>Status text once the tool has run (at most 64 characters).</summary>
    public string? Invoked { get; set; }

    /// <summary>Who may call the tool. Defaults to both the model and the widget.</summary>
    public ToolVisibility Visibility { get; set; } = ToolVisibility.ModelAndApp;
}
