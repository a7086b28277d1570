using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Inlay;

/// <summary>
/// Healthy once Inlay has validated every declaration and the server has started, so a load balancer sends traffic
/// only to instances that serve their widgets. Registered by <c>WithInlay()</c> under the name <c>inlay</c>; map it with
/// <c>app.MapHealthChecks("/health")</c>.
/// </summary>
internal sealed class InlayHealthCheck(InlayReadiness readiness) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(readiness.IsReady
            ? HealthCheckResult.Healthy("Declarations validated; serving.")
            : HealthCheckResult.Unhealthy("Inlay has not finished starting."));
}
