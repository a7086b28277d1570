using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Inlay;

/// <summary>
/// The MCP endpoint's per-client limit (<see cref="RateLimitOptions"/>) as a named policy of ASP.NET Core's rate
/// limiter, with its own rejection: 429, <c>Retry-After</c> and a JSON-RPC error. The application's global
/// <c>OnRejected</c> and its own policies are left alone.
/// </summary>
internal sealed class McpRateLimitPolicy : IRateLimiterPolicy<string>
{
    /// <summary>The policy's name, which the MCP endpoint requires.</summary>
    public const string Name = "Inlay.Mcp";

    /// <summary>The <see cref="HttpContext.Items"/> key set on a request the policy was applied to.</summary>
    internal static readonly object AppliedKey = new();

    private readonly IOptions<InlayOptions> _options;

    /// <summary>Created by the rate limiter middleware when the app's pipeline is built.</summary>
    public McpRateLimitPolicy(IOptions<InlayOptions> options, RateLimiterMiddlewareCheck check)
    {
        _options = options;
        check.MiddlewareFound();
    }

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected { get; } = RejectAsync;

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        httpContext.Items[AppliedKey] = true;
        var limits = _options.Value.RateLimit;
        return RateLimitPartition.GetFixedWindowLimiter(ClientKey(httpContext), _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limits.PermitLimit,
            Window = limits.Window,
            QueueLimit = 0,
        });
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
