using Microsoft.AspNetCore.Http;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Inlay;

/// <summary>
/// The <c>ui.domain</c> (and <c>openai/widgetDomain</c>) a widget gets on a <c>resources/read</c>: the calling host's
/// form when a targeted host has its own rule (Claude's hash of the public MCP endpoint URL), the declared value
/// otherwise. A widget that declares no domain gets none from any host: none requires one to render, and ChatGPT's,
/// needed only to submit an app, is an origin of the app's own that Inlay cannot guess.
/// </summary>
internal sealed class WidgetDomainForHost(PublicUrlResolver publicUrl, HostTargets targets)
{
    /// <summary>The domain to send, or <see langword="null"/> for none.</summary>
    /// <param name="declared">The widget's declared <see cref="WidgetDeclaration.Domain"/>.</param>
    /// <param name="request">The <c>resources/read</c> request.</param>
    /// <param name="http">The HTTP request it came in, when there is one.</param>
    public string? For(string? declared, RequestContext<ReadResourceRequestParams> request, HttpContext? http)
    {
        if (declared is null || http is null) return declared;
        var host = HostDetection.Detect(request.Server?.ClientInfo?.Name, http.Request.Headers.UserAgent, request.Params?.Meta, targets.Profiles);
        return host.DomainRule == HostDomainRule.ClaudeEndpointHash ? ClaudeSandboxDomain.For(EndpointUrl(http)) : declared;
    }

    /// <summary>
    /// The public URL of the MCP endpoint the request went to: the app's public URL, then the path and query as the
    /// client sent them, since Claude hashes the connector URL as it was configured.
    /// </summary>
    public string EndpointUrl(HttpContext http) =>
        string.Concat(publicUrl.Resolve(http), http.Request.Path.Value, http.Request.QueryString.Value);
}
