using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ModelContextProtocol.AspNetCore.Authentication;
using ModelContextProtocol.Authentication;

namespace Inlay;

/// <summary>
/// Fills the RFC 9728 protected-resource metadata from what the app already said, where it left a field empty:
/// <c>resource</c> is the MCP endpoint's public URL, <c>authorization_servers</c> the issuer the JWT bearer scheme's
/// <c>Authority</c> publishes, and <c>scopes_supported</c> every scope a tool requires.
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
            if (metadata.AuthorizationServers.Count == 0 && await AuthorizationServerAsync(context.HttpContext.RequestAborted) is { } issuer)
                metadata.AuthorizationServers.Add(issuer);
            if (metadata.ScopesSupported is null or { Count: 0 })
                metadata.ScopesSupported = [.. services.GetRequiredService<ProtectedToolCatalog>().AllScopes];
        };
    }

    /// <summary>
    /// The issuer exactly as the authority's own metadata spells it: clients compare the two strictly (a trailing
    /// slash included), so the configured <c>Authority</c> is only the fallback for when the metadata is unreachable.
    /// </summary>
    private async Task<string?> AuthorizationServerAsync(CancellationToken cancellationToken)
    {
        var bearer = services.GetRequiredService<IOptionsMonitor<JwtBearerOptions>>().Get(bearerScheme);
        if (string.IsNullOrEmpty(bearer.Authority)) return null;
        try
        {
            if (bearer.ConfigurationManager is { } manager
                && (await manager.GetConfigurationAsync(cancellationToken)).Issuer is { Length: > 0 } issuer)
                return issuer;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The bearer scheme logs and retries this itself when a token arrives; the metadata still names the authority.
        }
        return bearer.Authority;
    }
}
