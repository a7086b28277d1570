namespace Inlay;

/// <summary>What a host accepts in a widget's <c>_meta.ui.domain</c> (and <c>openai/widgetDomain</c>), the widget's dedicated sandbox origin.</summary>
public enum HostDomainRule
{
    /// <summary>The format is the host's own business; Inlay sends the declared value unchanged.</summary>
    Declared,

    /// <summary>An https origin of the app's own, such as <c>https://myapp.example.com</c>: the declared value.</summary>
    AppOrigin,

    /// <summary>
    /// <c>{first 32 hex digits of the SHA-256 of the MCP endpoint URL}.claudemcpcontent.com</c>; any other value makes
    /// the host render nothing. Inlay computes it per request from the public MCP endpoint URL.
    /// </summary>
    ClaudeEndpointHash,
}
