using System.Globalization;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Inlay;

/// <summary>
/// Finds the app's public base URL, the URL widget assets are loaded from, in this order:
/// <list type="number">
/// <item>configuration: <c>Inlay:PublicUrl</c> (<see cref="InlayOptions.PublicUrl"/>);</item>
/// <item>the platform's environment variables (Azure App Service, Azure Container Apps, Render, Railway, Fly.io,
/// Heroku, Vercel, GitHub Codespaces, Gitpod);</item>
/// <item>the current request's scheme, host and path base;</item>
/// <item>the server's listening address (loopback preferred, wildcard hosts shown as <c>localhost</c>).</item>
/// </list>
/// The request is read as ASP.NET Core presents it: <c>X-Forwarded-Proto</c> and <c>X-Forwarded-Host</c> count only
/// when the app runs the ForwardedHeaders middleware (for example with <c>ASPNETCORE_FORWARDEDHEADERS_ENABLED=true</c>),
/// which decides which proxies to trust. Reading those headers here would let any client choose the URLs widgets
/// load scripts from.
/// </summary>
internal sealed class PublicUrlResolver
{
    private readonly IOptions<InlayOptions> _options;
    private readonly IHostEnvironment? _environment;
    private readonly IServer? _server;
    private readonly IEnvironmentVariables _variables;
    private readonly Lazy<PublicUrl?> _configured;
    private readonly Lazy<PublicUrl?> _platform;
    private readonly Lazy<(string Host, string Describe)?> _workspace;

    /// <summary>Creates the resolver.</summary>
    /// <param name="options">Inlay options, for <see cref="InlayOptions.PublicUrl"/>.</param>
    /// <param name="environment">The host environment, to know Development.</param>
    /// <param name="server">The server, for its listening addresses.</param>
    /// <param name="variables">Environment variables; the process's when not given.</param>
    public PublicUrlResolver(
        IOptions<InlayOptions> options,
        IHostEnvironment? environment = null,
        IServer? server = null,
        IEnvironmentVariables? variables = null)
    {
        _options = options;
        _environment = environment;
        _server = server;
        _variables = variables ?? ProcessEnvironmentVariables.Instance;
        _configured = new Lazy<PublicUrl?>(FromConfiguration);
        _platform = new Lazy<PublicUrl?>(FromPlatform);
        _workspace = new Lazy<(string, string)?>(FindWorkspace);
    }

    /// <summary>The public base URL without a trailing slash, such as <c>https://app.example.com</c>.</summary>
    /// <param name="context">The current request, when there is one.</param>
    /// <exception cref="InvalidOperationException">The configured public URL is not an absolute http(s) URL.</exception>
    public string Resolve(HttpContext? context) => Find(context).Url;

    /// <summary>
    /// The public origin known without a request, from configuration or the platform, or <see langword="null"/>;
    /// the MCP endpoint accepts its host.
    /// </summary>
    public string? KnownPublicOrigin()
    {
        if (ValidateConfigured() is not null) return null;
        return (_configured.Value ?? _platform.Value) is { } known ? OriginOf(known.Url) : null;
    }

    /// <summary>The origin of the public URL (<c>scheme://host[:port]</c>), for CSP resource domains.</summary>
    /// <param name="context">The current request, when there is one.</param>
    public string ResolveOrigin(HttpContext? context) => OriginOf(Resolve(context));

    /// <summary>The public URL and how it was found, for the start-up log: <c>http://127.0.0.1:5000 (server address, Development)</c>.</summary>
    /// <param name="context">The current request, when there is one.</param>
    public string Describe(HttpContext? context = null)
    {
        var found = Find(context);
        return $"{found.Url} ({found.Source})";
    }

    /// <summary>
    /// Checks the configured public URL: an error message naming the setting when it is not an absolute http(s) URL
    /// without query or fragment, otherwise (or when nothing is configured) <see langword="null"/>.
    /// </summary>
    public string? ValidateConfigured() => InlayOptionsValidator.PublicUrlProblem(_options.Value.PublicUrl);

    /// <summary>The public URL and a few words on where it came from.</summary>
    internal PublicUrl Find(HttpContext? context)
    {
        if (_configured.Value is { } configured) return configured;
        if (_platform.Value is { } platform) return platform;
        // Codespaces and Gitpod URLs name the port, known for sure once the server listens, so they are not cached.
        if (FromWorkspace() is { } workspace) return workspace;

        if (context is not null && context.Request.Host.HasValue)
        {
            var request = context.Request;
            return new PublicUrl($"{request.Scheme}://{request.Host.Value}{request.PathBase.Value}".TrimEnd('/'), "request scheme, host and path base");
        }

        var development = _environment?.IsDevelopment() == true;
        if (FromServerAddresses() is { } address)
            return new PublicUrl(address, development ? "server address, Development" : "server address; set Inlay:PublicUrl to the URL clients use");
        return new PublicUrl("http://localhost", "no server address yet; set Inlay:PublicUrl");
    }

    private PublicUrl? FromConfiguration()
    {
        var configured = _options.Value.PublicUrl;
        if (string.IsNullOrWhiteSpace(configured)) return null;
        return Normalize(configured) is { } url
            ? new PublicUrl(url, "configuration Inlay:PublicUrl")
            : throw new InvalidOperationException(ValidateConfigured());
    }

    private PublicUrl? FromPlatform()
    {
        if (Host("WEBSITE_HOSTNAME") is { } appService) return new($"https://{appService}", "Azure App Service WEBSITE_HOSTNAME");
        if (Host("CONTAINER_APP_NAME") is { } containerApp && Host("CONTAINER_APP_ENV_DNS_SUFFIX") is { } suffix)
            return new($"https://{containerApp}.{suffix}", "Azure Container Apps CONTAINER_APP_NAME and CONTAINER_APP_ENV_DNS_SUFFIX");
        if (Get("RENDER_EXTERNAL_URL") is { } render && Normalize(render) is { } renderUrl) return new(renderUrl, "Render RENDER_EXTERNAL_URL");
        if (Host("RAILWAY_PUBLIC_DOMAIN") is { } railway) return new($"https://{railway}", "Railway RAILWAY_PUBLIC_DOMAIN");
        if (Host("FLY_APP_NAME") is { } fly) return new($"https://{fly}.fly.dev", "Fly.io FLY_APP_NAME");
        if (Host("HEROKU_APP_DEFAULT_DOMAIN_NAME") is { } heroku) return new($"https://{heroku}", "Heroku HEROKU_APP_DEFAULT_DOMAIN_NAME");
        if (Host("VERCEL_URL") is { } vercel) return new($"https://{vercel}", "Vercel VERCEL_URL");
        return null;
    }

    /// <summary>A cloud development workspace whose forwarded URLs name a port: "https://{name}-{port}.{domain}" style.</summary>
    private (string Host, string Describe)? FindWorkspace()
    {
        if (Host("CODESPACE_NAME") is { } codespace && Host("GITHUB_CODESPACES_PORT_FORWARDING_DOMAIN") is { } forwardingDomain)
            return ($"{codespace}-{{0}}.{forwardingDomain}", "GitHub Codespaces CODESPACE_NAME, GITHUB_CODESPACES_PORT_FORWARDING_DOMAIN and port {0}");
        // https://workspace-id.ws-eu.gitpod.io serves port 5000 at https://5000-workspace-id.ws-eu.gitpod.io.
        if (Get("GITPOD_WORKSPACE_URL") is { } gitpod && Normalize(gitpod) is { } gitpodUrl)
            return ($"{{0}}-{new Uri(gitpodUrl).Host}", "Gitpod GITPOD_WORKSPACE_URL and port {0}");
        return null;
    }

    private PublicUrl? FromWorkspace()
    {
        if (_workspace.Value is not { } workspace || ListeningPort() is not { } port) return null;
        return new PublicUrl("https://" + string.Format(CultureInfo.InvariantCulture, workspace.Host, port), string.Format(CultureInfo.InvariantCulture, workspace.Describe, port));
    }

    /// <summary>The port the app listens on, preferring plain HTTP (forwarded ports terminate TLS themselves).</summary>
    private int? ListeningPort()
    {
        var addresses = ServerAddresses();
        var chosen = addresses.FirstOrDefault(a => a.Scheme == "http") ?? addresses.FirstOrDefault();
        if (chosen is not null) return chosen.Port;
        // Before the server starts, fall back on the configured ports.
        foreach (var name in new[] { "ASPNETCORE_HTTP_PORTS", "ASPNETCORE_HTTPS_PORTS" })
        {
            var first = Get(name)?.Split(';', ',')[0].Trim();
            if (int.TryParse(first, out var port) && port > 0) return port;
        }
        return null;
    }

    private string? FromServerAddresses()
    {
        var addresses = ServerAddresses();
        var chosen = addresses.FirstOrDefault(a => a.Scheme == "http" && a.IsLoopback)
            ?? addresses.FirstOrDefault(a => a.Scheme == "https" && a.IsLoopback)
            ?? addresses.FirstOrDefault(a => a.Scheme == "http")
            ?? addresses.FirstOrDefault();
        return chosen?.ToString();
    }

    private List<ListeningAddress> ServerAddresses()
    {
        var result = new List<ListeningAddress>();
        var addresses = _server?.Features.Get<IServerAddressesFeature>()?.Addresses;
        if (addresses is null) return result;
        foreach (var address in addresses)
        {
            if (ListeningAddress.Parse(address) is { } parsed) result.Add(parsed);
        }
        return result;
    }

    private string? Get(string name)
    {
        var value = _variables.Get(name);
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    /// <summary>A variable holding a host name (no scheme, path or spaces), or null.</summary>
    private string? Host(string name)
    {
        var value = Get(name)?.TrimEnd('/');
        if (value is null) return null;
        if (value.Contains("://", StringComparison.Ordinal) && Uri.TryCreate(value, UriKind.Absolute, out var uri)) value = uri.Authority;
        return value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or ':') ? value : null;
    }

    /// <summary>An absolute http(s) URL without query, fragment or user info, without a trailing slash; otherwise null.</summary>
    internal static string? Normalize(string url)
    {
        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)) return null;
        if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) return null;
        if (uri.Host.Length == 0 || uri.UserInfo.Length > 0 || uri.Query.Length > 0 || uri.Fragment.Length > 0) return null;
        return (uri.GetLeftPart(UriPartial.Authority) + uri.AbsolutePath).TrimEnd('/');
    }

    /// <summary>The origin of a base URL: <c>https://example.com/app</c> gives <c>https://example.com</c>.</summary>
    public static string OriginOf(string baseUrl) =>
        Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) ? uri.GetLeftPart(UriPartial.Authority) : baseUrl;

    /// <summary>A public URL and where it came from.</summary>
    internal readonly record struct PublicUrl(string Url, string Source);

    /// <summary>One address the server listens on, with wildcard hosts shown as <c>localhost</c>.</summary>
    private sealed record ListeningAddress(string Scheme, string Host, int Port, string PathBase, bool IsLoopback)
    {
        public static ListeningAddress? Parse(string address)
        {
            BindingAddress parsed;
            try
            {
                parsed = BindingAddress.Parse(address);
            }
            catch (FormatException)
            {
                return null;
            }
            if (parsed.IsNamedPipe || parsed.IsUnixPipe) return null;
            var scheme = parsed.Scheme.ToLowerInvariant();
            if (scheme is not ("http" or "https")) return null;
            var host = parsed.Host;
            if (host is "0.0.0.0" or "[::]" or "::" or "+" or "*" || host.Length == 0) host = "localhost";
            var loopback = host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || host == "[::1]"
                || host.StartsWith("127.", StringComparison.Ordinal);
            return new ListeningAddress(scheme, host, parsed.Port, parsed.PathBase.TrimEnd('/'), loopback);
        }

        public override string ToString()
        {
            var defaultPort = Scheme == "https" ? 443 : 80;
            return Port == defaultPort || Port <= 0 ? $"{Scheme}://{Host}{PathBase}" : $"{Scheme}://{Host}:{Port}{PathBase}";
        }
    }
}
