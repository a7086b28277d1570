using Microsoft.AspNetCore.Cors.Infrastructure;

namespace AuthServer.Server;

/// <summary>
/// CORS for the endpoints a client running in a browser page calls directly: discovery, the signing keys,
/// registration, token and revocation. The sign-in and consent pages are navigated to, never fetched, so they get
/// none. No credentials are allowed: these endpoints read no cookies.
/// </summary>
public static class BrowserClients
{
    public const string Policy = "browser-clients";

    private static readonly string[] Paths =
        ["/.well-known/", "/connect/register", "/connect/token", "/connect/revoke"];

    public static void AddPolicy(CorsOptions cors, AuthServerOptions settings, IHostEnvironment environment) =>
        cors.AddPolicy(Policy, policy => policy
            .SetIsOriginAllowed(origin => IsAllowed(origin, settings, environment.IsDevelopment()))
            .WithMethods("GET", "POST")
            .AllowAnyHeader()
            .SetPreflightMaxAge(TimeSpan.FromMinutes(10)));

    public static bool AppliesTo(HttpContext context) =>
        Paths.Any(p => context.Request.Path.StartsWithSegments(p.TrimEnd('/'), StringComparison.OrdinalIgnoreCase));

    public static bool IsAllowed(string origin, AuthServerOptions settings, bool isDevelopment)
    {
        if (settings.CorsOrigins.Contains(origin, StringComparer.OrdinalIgnoreCase)) return true;
        return isDevelopment && Uri.TryCreate(origin, UriKind.Absolute, out var uri) && uri.IsLoopback
            && uri.Scheme is "http" or "https";
    }
}
