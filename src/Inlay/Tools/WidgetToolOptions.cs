namespace Inlay;

/// <summary>How a tool shows a widget: the programmatic counterpart of <see cref="WidgetToolAttribute"/>.</summary>
public sealed class WidgetToolOptions
{
    /// <summary>The <c>ui://</c> URI of the widget that renders this tool's result.</summary>
    public required string WidgetUri { get; init; }

    /// <summary>Status text while the tool runs (at most 64 characters).</summary>
    public string? Invoking { get; init; }

    /// <summary>Status text once the tool has run (at most 64 characters).</summary>
    public string? Invoked { get; init; }

    /// <summary>Who may call the tool. Defaults to both the model and the widget.</summary>
    public ToolVisibility Visibility { get; init; } = ToolVisibility.ModelAndApp;

    /// <summary>
    /// True for a <c>[WidgetTool]</c> without a URI: <see cref="WidgetUri"/> is empty until the tool is built and takes
    /// the URI of the widget the method's class declares (see <see cref="ClassWidgetBinding"/>).
    /// </summary>
    internal bool UsesClassWidget { get; init; }

    internal static WidgetToolOptions From(WidgetToolAttribute attribute) => new()
    {
        WidgetUri = attribute.WidgetUri ?? "",
        UsesClassWidget = attribute.WidgetUri is null,
        Invoking = attribute.Invoking,
        Invoked = attribute.Invoked,
        Visibility = attribute.Visibility,
    };

    /// <summary>The same options showing the widget at <paramref name="widgetUri"/>.</summary>
    internal WidgetToolOptions WithWidget(string widgetUri) => new()
    {
        WidgetUri = widgetUri,
        Invoking = Invoking,
        Invoked = Invoked,
        Visibility = Visibility,
    };
}
