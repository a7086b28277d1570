namespace Inlay;

/// <summary>
/// The display modes a widget uses (MCP Apps <c>availableDisplayModes</c>, ChatGPT <c>requestDisplayMode</c>).
/// Start-up validation checks them against the hosts the app targets; what the widget's runtime declares to the host
/// is up to the widget.
/// </summary>
[Flags]
public enum WidgetDisplayModes
{
    /// <summary>In the conversation, where every widget starts.</summary>
    Inline = 1,

    /// <summary>Over the conversation, the whole window.</summary>
    Fullscreen = 2,

    /// <summary>Picture-in-picture: a floating window that stays while the conversation scrolls.</summary>
    Pip = 4,

    /// <summary>All three.</summary>
    All = Inline | Fullscreen | Pip,
}
