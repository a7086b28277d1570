namespace Inlay;

/// <summary>The checks Inlay runs on each widget for each targeted host (see <see cref="HostProfiles"/>).</summary>
public static class HostRules
{
    /// <summary>The widget is served in no MIME type the host renders (a Skybridge-only widget in an MCP Apps host).</summary>
    public static HostRule UnservedMimeType { get; } = new("IH001", "served in no MIME type the host renders");

    /// <summary>
    /// The widget loads scripts, styles or data from origins outside its document (an asset folder served without
    /// inlining, a page of the app, declared resource or connect domains) in a host whose handling of declared CSP
    /// origins is not reliable.
    /// </summary>
    public static HostRule ExternalOrigins { get; } = new("IH002", "loads from other origins, which the host may block");

    /// <summary>The widget declares frame domains the host does not apply, so its nested iframes are blocked.</summary>
    public static HostRule FrameDomains { get; } = new("IH003", "declares frame domains the host does not apply");

    /// <summary>The widget uses a display mode the host does not grant.</summary>
    public static HostRule DisplayMode { get; } = new("IH004", "uses a display mode the host does not grant");

    /// <summary>The widget declares a <c>Domain</c> in another host's form, which this host does not accept.</summary>
    public static HostRule DomainForm { get; } = new("IH005", "declares a Domain in another host's form");

    /// <summary>Every rule, in id order.</summary>
    public static IReadOnlyList<HostRule> All { get; } = [UnservedMimeType, ExternalOrigins, FrameDomains, DisplayMode, DomainForm];
}
