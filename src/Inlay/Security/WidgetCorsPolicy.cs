using Microsoft.AspNetCore.Cors.Infrastructure;

namespace Inlay;

/// <summary>
/// The CORS policy for widget pages and assets, named <see cref="Name"/>: hosts render widgets in sandboxed iframes on
/// their own origins, which fetch the app's scripts (module scripts are always CORS requests), styles and pages
/// cross-origin. Any origin in Development; only <see cref="InlayOptions.WidgetCorsOrigins"/> elsewhere. No credentials.
/// </summary>
internal static class WidgetCorsPolicy
{
    /// <summary>The policy name, for <c>RequireCors</c> on the app's own widget pages.</summary>
    public const string Name = "InlayWidgetAssets";

    public static CorsPolicy Build(InlayOptions options, bool isDevelopment)
    {
        var builder = new CorsPolicyBuilder()
            .AllowAnyHeader()
            .AllowAnyMethod()
            .SetPreflightMaxAge(TimeSpan.FromHours(1));
        if (isDevelopment) return builder.AllowAnyOrigin().Build();

        var origins = options.WidgetCorsOrigins
            .Where(o => !string.IsNullOrWhiteSpace(o))
            .Select(o => o.Trim().TrimEnd('/'))
            .ToArray();
        if (origins.Contains("*")) return builder.AllowAnyOrigin().Build();
        builder.WithOrigins(origins);
        if (origins.Any(o => o.Contains("://*.", StringComparison.Ordinal))) builder.SetIsOriginAllowedToAllowWildcardSubdomains();
        return builder.Build();
    }
}
