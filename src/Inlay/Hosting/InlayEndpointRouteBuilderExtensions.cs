using System.Diagnostics.CodeAnalysis;
using Inlay;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps Inlay's endpoints.</summary>
public static class InlayEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps the MCP endpoint (Streamable HTTP) with Inlay's protections: Host and Origin checks against DNS rebinding,
    /// a body size limit, JSON parse errors answered as JSON-RPC errors, and no stack traces in any response. Also serves
    /// the files of widgets built into asset folders, with CORS for the hosts' sandbox origins. Then each
    /// <see cref="InlayExtension"/> maps its endpoints (the dev host of <c>Inlay.DevHost</c>, in Development).
    /// With <c>Inlay:RateLimit</c> on, the MCP endpoint requires Inlay's rate-limiter policy; the app runs the rate
    /// limiter middleware (<c>app.UseRateLimiter()</c>), or start-up fails saying so. Maps only: it adds no middleware.
    /// </summary>
    /// <param name="endpoints">The app's endpoint builder.</param>
    /// <param name="pattern">The MCP endpoint's route, <c>/mcp</c> by default.</param>
    /// <returns>The MCP endpoint's convention builder, for <c>RequireAuthorization</c> and the like.</returns>
    public static IEndpointConventionBuilder MapInlay(this IEndpointRouteBuilder endpoints, [StringSyntax("Route")] string pattern = "/mcp")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var services = endpoints.ServiceProvider;
        if (services.GetService<InlayMarker>() is null)
            throw new InvalidOperationException("MapInlay() needs Inlay's services: call WithInlay() on the MCP server builder (builder.Services.AddMcpServer().WithHttpTransport().WithInlay()).");

        var mcp = endpoints.MapMcp(pattern);
        McpEndpointGuard.Apply(mcp);
        if (services.GetRequiredService<IOptions<InlayOptions>>().Value.RateLimit.PermitLimit > 0) mcp.RequireRateLimiting(McpRateLimitPolicy.Name);
        var registry = services.GetRequiredService<InlayEndpointRegistry>();
        registry.AddMcpPath(pattern);
        registry.AddAssetPaths(WidgetAssetEndpoints.Map(endpoints, services.GetServices<WidgetDeclaration>()));
        foreach (var extension in services.GetServices<InlayExtension>()) extension.MapEndpoints(endpoints, pattern);
        return mcp;
    }
}
