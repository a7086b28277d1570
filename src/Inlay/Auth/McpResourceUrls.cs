using Microsoft.AspNetCore.Http;

namespace Inlay;

/// <summary>
/// The URLs that name this MCP server as an OAuth protected resource: the resource itself (the MCP endpoint's public
/// URL, which clients send as RFC 8707 <c>resource</c> and which becomes the token's audience) and its RFC 9728
/// metadata document. Both are built on the app's public URL, so they stay right behind proxies and tunnels.
/// </summary>
internal static class McpResourceUrls
{
    public const string MetadataPrefix = "/.well-known/oauth-protected-resource";

    /// <summary>The metadata URL for the MCP endpoint the current request went to.</summary>
    public static string MetadataUrl(PublicUrlResolver publicUrl, HttpContext? http) =>
        publicUrl.Resolve(http) + MetadataPrefix + (http?.Request.Path.Value ?? "");

    /// <summary>
    /// The resources a token presented on this request may be for: the endpoint itself when the request is for an
    /// MCP endpoint, otherwise each MCP endpoint of the app.
    /// </summary>
    public static IEnumerable<string> ExpectedResources(PublicUrlResolver publicUrl, InlayEndpointRegistry endpoints, HttpContext http)
    {
        var baseUrl = publicUrl.Resolve(http);
        var path = http.Request.Path.Value ?? "";
        if (IsMcpPath(endpoints, path)) return [baseUrl + path.TrimEnd('/')];
        return endpoints.McpPaths.Select(p => baseUrl + p.TrimEnd('/'));
    }

    public static bool IsMcpPath(InlayEndpointRegistry endpoints, string path) =>
        endpoints.McpPaths.Any(p => string.Equals(p.TrimEnd('/'), path.TrimEnd('/'), StringComparison.OrdinalIgnoreCase));

    /// <summary>Whether a token's audience names <paramref name="resource"/>; a trailing slash does not count.</summary>
    public static bool Matches(string audience, string resource) =>
        string.Equals(audience.TrimEnd('/'), resource, StringComparison.Ordinal);
}
