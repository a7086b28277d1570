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

    internal static WidgetToolOptions From(WidgetToolAttribute attribute) => new()
    {
        WidgetUri = attribute.WidgetUri,
        Invoking = attribute.Invoking,
        Invoked = attribute.Invoked,
        Visibility = attribute.Visibility,
    };
}
