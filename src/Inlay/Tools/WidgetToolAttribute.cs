namespace Inlay;

/// <summary>
/// Marks an <c>[McpServerTool]</c> method as one whose result a widget renders. Inlay emits the template link,
/// status texts and visibility in both the MCP Apps and the ChatGPT dialect.
/// </summary>
/// <remarks>
/// Without a URI, the tool shows the widget its class declares with <see cref="WidgetAttribute"/>:
/// <c>[WidgetTool(Invoking = "Rolling…")]</c>. That needs exactly one <c>[Widget]</c> on the class; with none or
/// several, start-up fails naming the method and the widgets, and the tool names its widget's URI instead.
/// </remarks>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class WidgetToolAttribute : Attribute
{
    /// <summary>Links the tool to the one widget its class declares with <see cref="WidgetAttribute"/>.</summary>
    public WidgetToolAttribute()
    {
    }

    /// <summary>Links the tool to the widget with the given URI.</summary>
    /// <param name="widgetUri">The <c>ui://</c> URI of a declared widget.</param>
    public WidgetToolAttribute(string widgetUri) => WidgetUri = widgetUri;

    /// <summary>
    /// The <c>ui://</c> URI of the widget that renders this tool's result; <see langword="null"/> for the widget the
    /// tool's class declares.
    /// </summary>
    public string? WidgetUri { get; }

    /// <summary>Status text while the tool runs (at most 64 characters).</summary>
    public string? Invoking { get; set; }

    /// <summary>Status text once the tool has run (at most 64 characters).</summary>
    public string? Invoked { get; set; }

    /// <summary>Who may call the tool. Defaults to both the model and the widget.</summary>
    public ToolVisibility Visibility { get; set; } = ToolVisibility.ModelAndApp;
}
