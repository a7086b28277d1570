namespace Inlay;

/// <summary>
/// Declares a widget on the class that holds its tools, so the widget and the tools that show it live together.
/// Registered by <c>WithWidgetTools&lt;T&gt;()</c>.
/// </summary>
/// <param name="uri">The resource URI, such as <c>ui://widget/greeting.html</c>.</param>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
public sealed class WidgetAttribute(string uri) : Attribute
{
    private bool? _prefersBorder;

    /// <summary>The resource URI.</summary>
    public string Uri { get; } = uri;

    /// <summary>An HTML file relative to the content root.</summary>
    public string? HtmlFile { get; set; }

    /// <summary>The resource name in <c>resources/list</c>.</summary>
    public string? Name { get; set; }

    /// <summary>A human-readable title.</summary>
    public string? Title { get; set; }

    /// <summary>A description of the resource for clients.</summary>
    public string? Description { get; set; }

    /// <summary>What the model is told when the widget loads (<c>openai/widgetDescription</c>).</summary>
    public string? ModelDescription { get; set; }

    /// <summary>Origins for fetch, XHR and WebSocket.</summary>
    public string[] ConnectDomains { get; set; } = [];

    /// <summary>Origins for scripts, styles, images, fonts and media.</summary>
    public string[] ResourceDomains { get; set; } = [];

    /// <summary>Origins the widget may embed in nested iframes.</summary>
    public string[] FrameDomains { get; set; } = [];

    /// <summary>Origins allowed in <c>base-uri</c>.</summary>
    public string[] BaseUriDomains { get; set; } = [];

    /// <summary>Trusted open-external targets (ChatGPT <c>redirect_domains</c>).</summary>
    public string[] RedirectDomains { get; set; } = [];

    /// <summary>Whether the host should draw a border around the widget. Unset lets the host decide.</summary>
    public bool PrefersBorder { get => _prefersBorder ?? false; set => _prefersBorder = value; }

    /// <summary>A dedicated sandbox origin (<c>_meta.ui.domain</c> and <c>openai/widgetDomain</c>).</summary>
    public string? Domain { get; set; }

    /// <summary>Browser permissions the widget asks for.</summary>
    public WidgetPermissions Permissions { get; set; }

    /// <summary>The dialects to serve; unset (0) uses the global default.</summary>
    public WidgetDialects Dialects { get; set; }

    /// <summary>Builds the declaration this attribute describes.</summary>
    /// <param name="declaringType">The class the attribute is on.</param>
    internal WidgetDeclaration ToDeclaration(Type declaringType)
    {
        var source = HtmlFile is not null
            ? WidgetHtmlSource.FromFile(HtmlFile)
            : throw new InvalidOperationException(
                $"[Widget(\"{Uri}\")] on {declaringType.FullName} names no HTML source: set {nameof(HtmlFile)}.");
        var widget = new WidgetDeclaration(Uri, source)
        {
            Name = Name,
            Title = Title,
            Description = Description,
            ModelDescription = ModelDescription,
            PrefersBorder = _prefersBorder,
            Domain = Domain,
            Permissions = Permissions,
            Dialects = Dialects == 0 ? null : Dialects,
        };
        widget.Csp.ConnectDomains.AddRange(ConnectDomains);
        widget.Csp.ResourceDomains.AddRange(ResourceDomains);
        widget.Csp.FrameDomains.AddRange(FrameDomains);
        widget.Csp.BaseUriDomains.AddRange(BaseUriDomains);
        widget.Csp.RedirectDomains.AddRange(RedirectDomains);
        return widget;
    }
}
