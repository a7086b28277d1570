using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Inlay;

/// <summary>
/// Which <c>Host</c> and <c>Origin</c> headers the MCP endpoint accepts, against DNS rebinding: a page on an attacker's
/// domain that resolves to this server sends the attacker's host name and origin, so only known names pass.
/// </summary>
internal sealed class RequestOriginPolicy
{
    private static readonly string[] LoopbackHosts = ["localhost", "127.0.0.1", "[::1]", "::1"];

    private readonly HashSet<string> _hosts = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _origins = new(StringComparer.OrdinalIgnoreCase);
    private readonly bool _allowLoopbackOrigins;

    public RequestOriginPolicy(IOptions<InlayOptions> options, IHostEnvironment environment, IConfiguration configuration, PublicUrlResolver publicUrl)
    {
        // Loopback names are safe in any environment: a rebinding page sends its own domain, never "localhost".
        _hosts.UnionWith(LoopbackHosts);
        _hosts.UnionWith(options.Value.AllowedHosts.Select(HostOnly));
        // ASP.NET Core's own AllowedHosts setting, when it lists names rather than "*".
        foreach (var host in (configuration["AllowedHosts"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            if (host != "*") _hosts.Add(HostOnly(host));

        _origins.UnionWith(options.Value.AllowedOrigins.Select(o => o.TrimEnd('/')));
        if (publicUrl.KnownPublicOrigin() is { } origin)
        {
            _origins.Add(origin);
            _hosts.Add(new Uri(origin).Host);
        }
        _allowLoopbackOrigins = environment.IsDevelopment();
        KnowsPublicHost = _hosts.Count > LoopbackHosts.Length;
    }

    /// <summary>Whether any host besides loopback names is allowed; without one, a deployed server answers nobody.</summary>
    public bool KnowsPublicHost { get; }

    /// <summary>Why the request's Host is refused, or <see langword="null"/> when it is allowed.</summary>
    public string? CheckHost(HttpRequest request)
    {
        var host = request.Host.Host;
        if (string.IsNullOrEmpty(host)) return "The request has no Host header.";
        return _hosts.Contains(host) || _hosts.Contains(request.Host.Value ?? "")
            ? null
            : $"Host '{request.Host.Value}' is not allowed for this MCP endpoint. Add it to Inlay:AllowedHosts or set Inlay:PublicUrl.";
    }

    /// <summary>Why the request's Origin is refused, or <see langword="null"/> when it is allowed or absent.</summary>
    public string? CheckOrigin(HttpRequest request)
    {
        // No Origin header: a server-to-server client (ChatGPT's backend, curl), not a browser page.
        if (!request.Headers.TryGetValue("Origin", out var values)) return null;
        var origin = values.ToString().TrimEnd('/');
        if (_origins.Contains(origin)) return null;
        if (Uri.TryCreate(origin, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
        {
            if (_allowLoopbackOrigins && uri.IsLoopback) return null;
            // The app's own pages calling its endpoint.
            if (string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase) && uri.Scheme == request.Scheme) return null;
        }
        return $"Origin '{origin}' is not allowed to call this MCP endpoint. Add it to Inlay:AllowedOrigins.";
    }

    private static string HostOnly(string value)
    {
        var trimmed = value.Trim();
        if (Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) && uri.Host.Length > 0) return uri.Host;
        return trimmed;
    }
}
