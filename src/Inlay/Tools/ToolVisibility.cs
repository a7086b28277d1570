namespace Inlay;

/// <summary>Who may call a widget tool (<c>_meta.ui.visibility</c>).</summary>
[Flags]
public enum ToolVisibility
{
    /// <summary>The model sees and calls the tool.</summary>
    Model = 1,

    /// <summary>The widget calls the tool through its host.</summary>
    App = 2,

    /// <summary>Both the model and the widget (the default).</summary>
    ModelAndApp = Model | App,
}
