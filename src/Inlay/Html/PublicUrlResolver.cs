using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Inlay;

/// <summary>Finds the app's public base URL: configured, detected from the platform, or taken from the request.</summary>
internal sealed class PublicUrlResolver(IOptions<InlayOptions> options)
{
    /// <summary>The public origin known without a request (configured), or <see langword="null"/>.</summary>
    public string? KnownPublicOrigin() =>
        Uri.TryCreate(options.Value.PublicUrl, UriKind.Absolute, out var uri) ? uri.GetLeftPart(UriPartial.Authority) : null;

    /// <summary>The public base URL without a trailing slash, such as <c>https://app.example.com</c>.</summary>
    /// <param name="context">The current request, when there is one.</param>
    public string Resolve(HttpContext? context)
    {
        if (!string.IsNullOrEmpty(options.Value.PublicUrl)) return options.Value.PublicUrl.TrimEnd('/');
        if (context is not null) return $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}";
        return "http://localhost";
    }
}
