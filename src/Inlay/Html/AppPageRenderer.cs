using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol;
using Microsoft.Net.Http.Headers;

namespace Inlay;

/// <summary>
/// Turns a page of the app (<see cref="WidgetHtmlSource.FromAppPage"/>) into widget HTML: a <c>GET</c> for the page is
/// sent through the app's own pipeline in-process (no socket; routing, Razor Pages, filters and middleware run as for a
/// browser), on the public URL's scheme, host and path base. The answer must be a <c>2xx</c> <c>text/html</c> page. Its
/// relative asset URLs are then made absolute on the public URL (<see cref="WidgetHtmlRewriter"/>) and the page
/// bootstrap is put first in its <c>&lt;head&gt;</c> (<see cref="PageBootstrap"/>).
/// </summary>
/// <remarks>
/// The render runs on every <c>resources/read</c>, so the widget is always the page as the app renders it now (after a
/// deploy, an edit under hot reload, a data change): nothing to invalidate. It costs one in-process request; hosts
/// cache templates themselves (ChatGPT for up to an hour). The render runs without the calling request's async-local
/// state (<see cref="IHttpContextAccessor"/>, activities), as a request of its own.
/// </remarks>
internal sealed class AppPageRenderer(AppPipeline pipeline, IServiceProvider services)
{
    /// <summary>The widget HTML for <paramref name="page"/> on <paramref name="publicBaseUrl"/>.</summary>
    /// <param name="page">The page.</param>
    /// <param name="publicBaseUrl">The app's public base URL without a trailing slash, such as <c>https://app.example.com</c>.</param>
    /// <param name="cancellationToken">Cancels the render.</param>
    /// <exception cref="McpException">The app is not running yet, or the page did not answer with HTML; the message reaches the client.</exception>
    public async Task<string> RenderAsync(AppPageHtmlSource page, string publicBaseUrl, CancellationToken cancellationToken)
    {
        var app = pipeline.Pipeline ?? throw new McpException(
            $"Widget HTML {page.Description} cannot be rendered yet: the app renders it once its server has started.");
        var pageUrl = new Uri(publicBaseUrl.TrimEnd('/') + page.Path);
        Task<Rendered> render;
        // A request of its own: the factory sets IHttpContextAccessor, which must not replace the caller's context.
        using (ExecutionContext.SuppressFlow())
            render = Task.Run(() => SendAsync(app, pageUrl, publicBaseUrl, cancellationToken), cancellationToken);
        var rendered = await render;

        if (rendered.Status is < 200 or > 299)
        {
            var location = rendered.Location is null ? "" : $" to {rendered.Location}";
            throw new McpException(
                $"Widget HTML {page.Description}: GET {page.Path} answered {rendered.Status}{location}, not a page. The path must answer 200 with text/html.");
        }
        if (!IsHtml(rendered.ContentType))
            throw new McpException(
                $"Widget HTML {page.Description}: GET {page.Path} answered '{rendered.ContentType ?? "no content type"}', not text/html.");

        var html = WidgetHtmlRewriter.Rewrite(rendered.Body, publicBaseUrl, page.AssetBasePath);
        return PageBootstrap.Inject(html, pageUrl.AbsoluteUri);
    }

    private async Task<Rendered> SendAsync(RequestDelegate app, Uri pageUrl, string publicBaseUrl, CancellationToken cancellationToken)
    {
        var pathBase = new Uri(publicBaseUrl).AbsolutePath.TrimEnd('/');
        var features = new FeatureCollection();
        var request = new HttpRequestFeature
        {
            Protocol = "HTTP/1.1",
            Method = HttpMethods.Get,
            Scheme = pageUrl.Scheme,
            PathBase = pathBase,
            Path = Uri.UnescapeDataString(pageUrl.AbsolutePath[pathBase.Length..]),
            QueryString = pageUrl.Query,
            RawTarget = pageUrl.PathAndQuery,
        };
        request.Headers.Host = pageUrl.Authority;
        request.Headers.Accept = "text/html";
        features.Set<IHttpRequestFeature>(request);
        var body = new MemoryStream();
        features.Set<IHttpResponseFeature>(new HttpResponseFeature());
        features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(body));
        features.Set<IHttpRequestLifetimeFeature>(new HttpRequestLifetimeFeature { RequestAborted = cancellationToken });
        features.Set<IHttpConnectionFeature>(new HttpConnectionFeature
        {
            ConnectionId = "inlay-page-render",
            RemoteIpAddress = IPAddress.Loopback,
            LocalIpAddress = IPAddress.Loopback,
        });

        var contexts = services.GetRequiredService<IHttpContextFactory>();
        var context = contexts.Create(features);
        try
        {
            await app(context);
            await context.Response.CompleteAsync();
            var response = context.Response;
            var encoding = MediaTypeHeaderValue.TryParse(response.ContentType, out var type) && type.Encoding is { } declared ? declared : Encoding.UTF8;
            return new Rendered(response.StatusCode, response.ContentType, response.Headers.Location.ToString() is { Length: > 0 } l ? l : null,
                encoding.GetString(body.GetBuffer(), 0, (int)body.Length));
        }
        finally
        {
            contexts.Dispose(context);
        }
    }

    private static bool IsHtml(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var type) && type.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase);

    private sealed record Rendered(int Status, string? ContentType, string? Location, string Body);
}
