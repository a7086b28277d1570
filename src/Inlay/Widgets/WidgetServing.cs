namespace Inlay;

/// <summary>The resources one widget is served as: which URI carries which MIME type.</summary>
/// <param name="Widget">The widget.</param>
/// <param name="Dialects">The dialects it is served in.</param>
internal sealed record WidgetServing(WidgetDeclaration Widget, WidgetDialects Dialects)
{
    public static WidgetServing For(WidgetDeclaration widget, InlayOptions options) =>
        new(widget, widget.Dialects ?? options.DefaultDialects);

    /// <summary>The URI MCP Apps hosts read (<c>_meta.ui.resourceUri</c>).</summary>
    public string McpAppsUri => Widget.Uri;

    /// <summary>The URI ChatGPT's template key points at (<c>openai/outputTemplate</c>).</summary>
    public string SkybridgeUri => Dialects == WidgetDialects.Both ? SkybridgeTwin(Widget.Uri) : Widget.Uri;

    /// <summary>Each served resource: URI and MIME type.</summary>
    public IEnumerable<(string Uri, string MimeType)> Resources()
    {
        if (Dialects.HasFlag(WidgetDialects.McpApps)) yield return (Widget.Uri, WidgetMimeTypes.McpApp);
        if (Dialects.HasFlag(WidgetDialects.Skybridge)) yield return (SkybridgeUri, WidgetMimeTypes.Skybridge);
    }

    /// <summary>
    /// The URI of the Skybridge copy of a widget served in both dialects:
    /// <c>ui://widget/greeting.html</c> becomes <c>ui://widget/greeting.skybridge.html</c>.
    /// </summary>
    public static string SkybridgeTwin(string uri)
    {
        var lastSlash = uri.LastIndexOf('/');
        var dot = uri.LastIndexOf('.');
        return dot > lastSlash && dot > 0
            ? string.Concat(uri.AsSpan(0, dot), ".skybridge", uri.AsSpan(dot))
            : uri + ".skybridge";
    }
}
