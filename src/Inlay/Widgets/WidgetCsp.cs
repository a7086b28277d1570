namespace Inlay;

/// <summary>
/// The origins a widget may reach from its sandbox. Emitted as <c>_meta.ui.csp</c> (MCP Apps) and
/// <c>_meta["openai/widgetCSP"]</c> (ChatGPT). Each entry is an https origin such as <c>https://api.example.com</c>.
/// </summary>
public sealed class WidgetCsp
{
    /// <summary>Origins for fetch, XHR and WebSocket (<c>connect-src</c>).</summary>
    public List<string> ConnectDomains { get; } = [];

    /// <summary>Origins for scripts, styles, images, fonts and media. The app's public origin is added automatically.</summary>
    public List<string> ResourceDomains { get; } = [];

    /// <summary>Origins the widget may embed in nested iframes (<c>frame-src</c>); hosts review these more strictly.</summary>
    public List<string> FrameDomains { get; } = [];

    /// <summary>Origins allowed in <c>base-uri</c>.</summary>
    public List<string> BaseUriDomains { get; } = [];

    /// <summary>Trusted targets of open-external requests; ChatGPT only (<c>redirect_domains</c>), no MCP Apps equivalent.</summary>
    public List<string> RedirectDomains { get; } = [];

    /// <summary>Every entry with the name of the list it belongs to, for validation and diagnostics.</summary>
    internal IEnumerable<(string List, string Origin)> AllEntries()
    {
        foreach (var d in ConnectDomains) yield return (nameof(ConnectDomains), d);
        foreach (var d in ResourceDomains) yield return (nameof(ResourceDomains), d);
        foreach (var d in FrameDomains) yield return (nameof(FrameDomains), d);
        foreach (var d in BaseUriDomains) yield return (nameof(BaseUriDomains), d);
        foreach (var d in RedirectDomains) yield return (nameof(RedirectDomains), d);
    }
}
