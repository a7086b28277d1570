namespace Inlay;

/// <summary>
/// One widget: a <c>ui://</c> HTML resource that hosts render in a sandboxed iframe. Declared once, served in
/// every dialect the widget asks for, with the security metadata both ChatGPT and MCP Apps hosts read.
/// </summary>
public sealed class WidgetDeclaration
{
    /// <summary>Creates a widget declaration.</summary>
    /// <param name="uri">The resource URI, such as <c>ui://widget/greeting.html</c>.</param>
    /// <param name="html">Where the widget's HTML comes from.</param>
    public WidgetDeclaration(string uri, WidgetHtmlSource html)
    {
        ArgumentNullException.ThrowIfNull(uri);
        ArgumentNullException.ThrowIfNull(html);
        Uri = uri;
        Html = html;
    }

    /// <summary>The resource URI, such as <c>ui://widget/greeting.html</c>.</summary>
    public string Uri { get; }

    /// <summary>Where the widget's HTML comes from.</summary>
    public WidgetHtmlSource Html { get; }

    /// <summary>The resource name in <c>resources/list</c>; derived from the URI when not set.</summary>
    public string? Name { get; set; }

    /// <summary>A human-readable title.</summary>
    public string? Title { get; set; }

    /// <summary>A description of the resource for clients.</summary>
    public string? Description { get; set; }

    /// <summary>
    /// What the model is told when the widget loads (<c>openai/widgetDescription</c>), so it does not narrate
    /// what the widget already shows.
    /// </summary>
    public string? ModelDescription { get; set; }

    /// <summary>The origins the widget may reach.</summary>
    public WidgetCsp Csp { get; } = new();

    /// <summary>Whether the host should draw a border and background around the widget; <see langword="null"/> lets the host decide.</summary>
    public bool? PrefersBorder { get; set; }

    /// <summary>
    /// A dedicated sandbox origin such as <c>https://myapp.example.com</c> (<c>_meta.ui.domain</c> and
    /// <c>openai/widgetDomain</c>); ChatGPT requires one for app submission. Emitted only when set, in the calling
    /// host's form: Claude gets its hash of the MCP endpoint URL instead (see <see cref="HostProfiles"/>).
    /// </summary>
    public string? Domain { get; set; }

    /// <summary>Browser permissions the widget asks for.</summary>
    public WidgetPermissions Permissions { get; set; }

    /// <summary>The dialects to serve; <see langword="null"/> uses <see cref="InlayOptions.DefaultDialects"/>.</summary>
    public WidgetDialects? Dialects { get; set; }

    /// <summary>
    /// The display modes the widget uses; inline by default. Checked at start-up against the targeted hosts
    /// (<see cref="InlayOptions.Hosts"/>), since not every host grants every mode.
    /// </summary>
    public WidgetDisplayModes DisplayModes { get; set; } = WidgetDisplayModes.Inline;

    /// <summary>The resource name used when <see cref="Name"/> is not set: the URI's last segment without its extension.</summary>
    internal string EffectiveName
    {
        get
        {
            if (!string.IsNullOrWhiteSpace(Name)) return Name;
            var tail = Uri.TrimEnd('/');
            var slash = tail.LastIndexOf('/');
            if (slash >= 0) tail = tail[(slash + 1)..];
            var dot = tail.LastIndexOf('.');
            return dot > 0 ? tail[..dot] : tail;
        }
    }
}
