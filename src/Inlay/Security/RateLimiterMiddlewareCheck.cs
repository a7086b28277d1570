using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Options;

namespace Inlay;

/// <summary>
/// Fails start-up when <c>Inlay:RateLimit</c> is on for a mapped MCP endpoint but the app does not run ASP.NET Core's
/// rate limiter middleware (<c>app.UseRateLimiter()</c>), which would leave the endpoint without its limit. The
/// middleware creates the endpoint's policy (<see cref="McpRateLimitPolicy"/>) when the app's pipeline is built; this
/// startup filter checks, once the pipeline inside it has been built, that it did.
/// </summary>
internal sealed class RateLimiterMiddlewareCheck(IOptions<InlayOptions> options, InlayEndpointRegistry endpoints) : IStartupFilter
{
    private volatile bool _middlewareFound;

    /// <summary>Called by <see cref="McpRateLimitPolicy"/>'s constructor.</summary>
    public void MiddlewareFound() => _middlewareFound = true;

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        // Components added first are built last, after the rest of the pipeline; this one adds nothing to a request.
        app.Use(rest =>
        {
            var permits = options.Value.RateLimit.PermitLimit;
            if (permits > 0 && endpoints.McpPaths.Count > 0 && !_middlewareFound)
            {
                throw new InvalidOperationException(
                    $"Inlay:RateLimit:PermitLimit is {permits}, but the app does not run the rate limiter middleware, so the MCP endpoint would have no limit: " +
                    "call app.UseRateLimiter() (after app.UseRouting() when the app calls that).");
            }
            return rest;
        });
        next(app);
    };
}
