using AuthServer.Clients;

namespace AuthServer.Server;

/// <summary>
/// Which <c>resource</c> values (RFC 8707) tokens may be issued for: the configured <c>AuthServer:Resources</c>,
/// compared exactly, and in Development any http/https URL on a loopback host.
/// </summary>
public sealed class ResourcePolicy(AuthServerOptions options, IHostEnvironment environment)
{
    private readonly HashSet<string> _configured = options.Resources.ToHashSet(StringComparer.Ordinal);

    /// <summary>Null when <paramref name="resource"/> is allowed, else why not.</summary>
    public string? Check(string resource)
    {
        if (!AbsoluteUrl.TryParse(resource, out var uri)) return $"resource '{resource}' is not an absolute URL";
        if (resource.Contains('#')) return $"resource '{resource}' has a fragment";
        if (_configured.Contains(resource)) return null;
        if (environment.IsDevelopment() && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) && LoopbackHost.Is(uri))
            return null;
        return $"resource '{resource}' is not served by this authorization server";
    }
}
