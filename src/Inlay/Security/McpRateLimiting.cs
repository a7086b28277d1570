using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Inlay;

/// <summary>
/// The MCP endpoint's per-client rate limit, on ASP.NET Core's rate limiter: a named policy the endpoint requires,
/// answering over-limit requests with 429, <c>Retry-After</c> and a JSON-RPC error.
/// </summary>
internal static class McpRateLimiting
{
    public const string PolicyName = "InlayMcp";

    public static void AddServices(IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        services.AddOptions<Microsoft.AspNetCore.RateLimiting.RateLimiterOptions>()
            .Configure<IOptions<InlayOptions>>((limiter, inlay) =>
            {
                var limits = inlay.Value.RateLimit;
                limiter.AddPolicy(PolicyName, context => RateLimitPartition.GetFixedWindowLimiter(ClientKey(context), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = limits.PermitLimit,
                    Window = limits.Window,
                    QueueLimit = 0,
                }));
                limiter.OnRejected = RejectAsync;
            });
    }

    /// <summary>Applies the limit to the MCP endpoint when it is on; <c>UseRateLimiter</c> is added to the app for it.</summary>
    public static void Apply(IEndpointRouteBuilder endpoints, IEndpointConventionBuilder mcp)
    {
        if (endpoints.ServiceProvider.GetRequiredService<IOptions<InlayOptions>>().Value.RateLimit.PermitLimit <= 0) return;
        if (endpoints is not IApplicationBuilder app)
            throw new InvalidOperationException("Inlay:RateLimit needs MapInlay() on the WebApplication itself, so it can add the rate limiter middleware.");
        app.UseRateLimiter();
        mcp.RequireRateLimiting(PolicyName);
    }

    /// <summary>The signed-in subject, else the remote address: one bucket per client.</summary>
    private static string ClientKey(HttpContext context)
    {
        var user = context.User;
        var subject = user.Identity?.IsAuthenticated == true ? user.FindFirst("sub")?.Value ?? user.FindFirst(ClaimTypes.NameIdentifier)?.Value : null;
        return subject is not null ? "user:" + subject : "ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
    }

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)) : 1;
        rejected.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await JsonRpcErrorResponse.WriteAsync(rejected.HttpContext, StatusCodes.Status429TooManyRequests, JsonRpcErrorResponse.ServerError,
            $"Rate limit exceeded: retry after {seconds} s.");
    }
}
