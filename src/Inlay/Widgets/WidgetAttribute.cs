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

    /// <summary>
    /// An HTML file relative to the content root. Set exactly one of <see cref="HtmlFile"/>, <see cref="HtmlResource"/>,
    /// <see cref="AssetFolder"/> and <see cref="AppPage"/>.
    /// </summary>
    public string? HtmlFile { get; set; }

    /// <summary>
    /// The name of an HTML document embedded in the assembly of the class the attribute is on, such as
    /// <c>MyApp.Widgets.greeting.html</c>. Relative URLs in it resolve against the app root.
    /// </summary>
    public string? HtmlResource { get; set; }

    /// <summary>
    /// A built widget folder relative to the content root, such as <c>widgets/greeting/dist</c>; Inlay serves its files
    /// under <c>/_inlay/widgets/{slug}/</c>. See <see cref="WidgetHtmlSource.FromAssetFolder"/>.
    /// </summary>
    public string? AssetFolder { get; set; }

    /// <summary>
    /// A page of this app, such as a Razor Page at <c>/widgets/content</c>, rendered by the app on every read.
    /// See <see cref="WidgetHtmlSource.FromAppPage"/>.
    /// </summary>
    public string? AppPage { get; set; }

    /// <summary>
    /// The entry document inside <see cref="AssetFolder"/>; when not set, the only HTML entry of the folder's Vite
    /// manifest, else <c>index.html</c>.
    /// </summary>
    public string? AssetEntry { get; set; }

    /// <summary>Serve <see cref="AssetFolder"/>'s entry as one self-contained document with its scripts and style sheets inlined.</summary>
    public bool AssetInline { get; set; }

    /// <summary>The URL path segment <see cref="AssetFolder"/> is served under; derived from the folder name when not set.</summary>
    public string? AssetSlug { get; set; }

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

    /// <summary>A dedicated sandbox origin (<c>_meta.ui.domain</c> and <c>openai/widgetDomain</c>), sent in each host's form.</summary>
    public string? Domain { get; set; }

    /// <summary>Browser permissions the widget asks for.</summary>
    public WidgetPermissions Permissions { get; set; }

    /// <summary>The dialects to serve; unset (0) uses the global default.</summary>
    public WidgetDialects Dialects { get; set; }

    /// <summary>The display modes the widget uses; unset (0) means inline only.</summary>
    public WidgetDisplayModes DisplayModes { get; set; }

    /// <summary>Builds the declaration this attribute describes.</summary>
    /// <param name="declaringType">The class the attribute is on.</param>
    internal WidgetDeclaration ToDeclaration(Type declaringType)
    {
        var source = CreateSource(declaringType);
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
            DisplayModes = DisplayModes == 0 ? WidgetDisplayModes.Inline : DisplayModes,
        };
        widget.Csp.ConnectDomains.AddRange(ConnectDomains);
        widget.Csp.ResourceDomains.AddRange(ResourceDomains);
        widget.Csp.FrameDomains.AddRange(FrameDomains);
        widget.Csp.BaseUriDomains.AddRange(BaseUriDomains);
        widget.Csp.RedirectDomains.AddRange(RedirectDomains);
        return widget;
    }

    private WidgetHtmlSource CreateSource(Type declaringType)
    {
        var named = new List<string>(4);
        if (HtmlFile is not null) named.Add(nameof(HtmlFile));
        if (HtmlResource is not null) named.Add(nameof(HtmlResource));
        if (AssetFolder is not null) named.Add(nameof(AssetFolder));
        if (AppPage is not null) named.Add(nameof(AppPage));
        var where = $"[Widget(\"{Uri}\")] on {declaringType.FullName}";
        if (named.Count == 0)
            throw new InvalidOperationException($"{where} names no HTML source: set one of {nameof(HtmlFile)}, {nameof(HtmlResource)}, {nameof(AssetFolder)} or {nameof(AppPage)}.");
        if (named.Count > 1)
            throw new InvalidOperationException($"{where} names more than one HTML source ({string.Join(", ", named)}): set only one.");
        if ((AssetEntry is not null || AssetSlug is not null || AssetInline) && AssetFolder is null)
            throw new InvalidOperationException($"{where} sets {nameof(AssetEntry)}, {nameof(AssetSlug)} or {nameof(AssetInline)} without {nameof(AssetFolder)}.");
        try
        {
            if (HtmlFile is not null) return WidgetHtmlSource.FromFile(HtmlFile);
            if (HtmlResource is not null) return WidgetHtmlSource.FromEmbeddedResource(declaringType.Assembly, HtmlResource);
            if (AppPage is not null) return WidgetHtmlSource.FromAppPage(AppPage);
            return WidgetHtmlSource.FromAssetFolder(AssetFolder!, AssetEntry, AssetSlug, AssetInline);
        }
        catch (ArgumentException ex)
        {
            throw new InvalidOperationException($"{where}: {ex.Message}", ex);
        }
    }
}
