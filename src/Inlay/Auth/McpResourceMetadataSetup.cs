using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ModelContextProtocol.AspNetCore.Authentication;
using ModelContextProtocol.Authentication;

namespace Inlay;

/// <summary>
/// Fills the RFC 9728 protected-resource metadata from what the app already said, where it left a field empty:
/// <c>resource</c> is the MCP endpoint's public URL, <c>authorization_servers</c> the JWT bearer scheme's
/// <c>Authority</c>, and <c>scopes_supported</c> every scope a tool requires.
/// </summary>
internal sealed class McpResourceMetadataSetup(string bearerScheme, IServiceProvider services) : IPostConfigureOptions<McpAuthenticationOptions>
{
    public void PostConfigure(string? name, McpAuthenticationOptions options)
    {
        if (!string.Equals(name, McpAuthenticationDefaults.AuthenticationScheme, StringComparison.Ordinal)) return;
        options.ResourceMetadata ??= new ProtectedResourceMetadata();
        var appHandler = options.Events.OnResourceMetadataRequest;
        options.Events.OnResourceMetadataRequest = async context =>
        {
            if (appHandler is not null) await appHandler(context);
            if (context.Result is not null || context.ResourceMetadata is not { } metadata) return;

            var request = context.HttpContext.Request;
            var endpointPath = request.Path.Value is { } path && path.StartsWith(McpResourceUrls.MetadataPrefix, StringComparison.Ordinal)
                ? path[McpResourceUrls.MetadataPrefix.Length..] : "";
            if (options.ResourceMetadata.Resource is null)
                metadata.Resource = services.GetRequiredService<PublicUrlResolver>().Resolve(context.HttpContext) + endpointPath.TrimEnd('/');
            if (metadata.AuthorizationServers.Count == 0
                && services.GetRequiredService<IOptionsMonitor<JwtBearerOptions>>().Get(bearerScheme).Authority is { Length: > 0 } authority)
                metadata.AuthorizationServers.Add(authority.TrimEnd('/'));
            if (metadata.ScopesSupported is null or { Count: 0 })
                metadata.ScopesSupported = [.. services.GetRequiredService<ProtectedToolCatalog>().AllScopes];
        };
    }
}
