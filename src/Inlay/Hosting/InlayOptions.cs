namespace Inlay;

/// <summary>Inlay settings, bound from the <c>Inlay</c> configuration section.</summary>
public sealed class InlayOptions
{
    /// <summary>The configuration section Inlay binds.</summary>
    public const string SectionName = "Inlay";

    /// <summary>
    /// The app's public base URL, such as <c>https://myapp.example.com</c>: widget asset URLs are made absolute on it.
    /// Detected when unset (see the public URL documentation).
    /// </summary>
    public string? PublicUrl { get; set; }

    /// <summary>
    /// Where the asset folders of widgets (<see cref="WidgetHtmlSource.FromAssetFolder"/>) are published for browsers,
    /// such as a CDN: <c>https://cdn.example.com/myapp/widgets</c>. Each folder is expected at
    /// <c>{WidgetAssetBaseUrl}/{slug}/</c> (what <c>dotnet publish</c> writes to <c>widgets-cdn/</c> with
    /// <c>build/Inlay.Widgets.targets</c>). When set, the widget documents <c>resources/read</c> returns reference the
    /// assets there, and the CSP resource domains name this URL's origin instead of the app's; the app still reads each
    /// entry document from its own copy of the folder (and still serves the folder under <c>/_inlay/widgets/</c>).
    /// The CDN must answer cross-origin requests (<c>Access-Control-Allow-Origin</c>): module scripts are fetched with CORS.
    /// Unset (the default): the app serves the assets itself, on its public URL. Must be an absolute https URL
    /// (http is accepted in Development).
    /// </summary>
    public string? WidgetAssetBaseUrl { get; set; }

    /// <summary>
    /// The hosts the app targets, by id (<see cref="HostIds"/>: <c>chatgpt</c>, <c>claude</c>, <c>mcp-apps</c>); empty
    /// (the default) targets all of them. Start-up warns about declarations that cannot work in a targeted host, and a
    /// targeted host that calls gets its own form of the wire (Claude's <c>ui.domain</c>); others get the standard form.
    /// </summary>
    public List<string> Hosts { get; } = [];

    /// <summary>The dialects widgets are served in unless a widget says otherwise. Defaults to MCP Apps.</summary>
    public WidgetDialects DefaultDialects { get; set; } = WidgetDialects.McpApps;

    /// <summary>
    /// Browser origins allowed to call the MCP endpoint. Requests without an <c>Origin</c> header (server-to-server
    /// clients such as ChatGPT's backend) are always allowed; loopback origins are allowed in Development.
    /// </summary>
    public List<string> AllowedOrigins { get; } = [];

    /// <summary>
    /// Host names the MCP endpoint answers to, besides the public URL's host and the loopback names (localhost,
    /// 127.0.0.1, [::1]), which are always allowed: a DNS-rebinding page sends its own domain, never a loopback name.
    /// </summary>
    public List<string> AllowedHosts { get; } = [];

    /// <summary>
    /// Origins allowed to fetch widget pages and assets cross-origin (the hosts' sandbox origins). Any origin is
    /// allowed in Development; in other environments only these.
    /// </summary>
    public List<string> WidgetCorsOrigins { get; } = [];

    /// <summary>Versioned template URIs and the retention of previous asset generations (<c>Inlay:Widgets</c>).</summary>
    public WidgetOptions Widgets { get; set; } = new();

    /// <summary>Per-client limits on the MCP endpoint; off by default.</summary>
    public RateLimitOptions RateLimit { get; set; } = new();

    /// <summary>The largest request body the MCP endpoint accepts, in bytes. Defaults to 1 MiB.</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;
}
