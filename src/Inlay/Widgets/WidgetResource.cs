using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Inlay;

/// <summary>
/// One served widget resource (one URI, one MIME type). The rendered document and its <c>_meta</c> are built once per
/// public URL and reused: <c>resources/read</c> does no HTML work on the hot path.
/// </summary>
internal sealed class WidgetResource : McpServerResource
{
    // A handful of public URLs is normal (localhost, a tunnel, the real domain); more means Host spoofing slipped
    // past the host filter, so stop caching rather than grow.
    private const int MaxCachedPublicUrls = 16;

    private readonly WidgetDeclaration _widget;
    private readonly string _uri;
    private readonly string _mimeType;
    private readonly IFileProvider _contentRoot;
    private readonly PublicUrlResolver _publicUrl;
    private readonly ConcurrentDictionary<string, Lazy<Task<TextResourceContents>>> _rendered = new(StringComparer.Ordinal);

    public WidgetResource(WidgetDeclaration widget, string uri, string mimeType, IFileProvider contentRoot, PublicUrlResolver publicUrl)
    {
        _widget = widget;
        _uri = uri;
        _mimeType = mimeType;
        _contentRoot = contentRoot;
        _publicUrl = publicUrl;
        ProtocolResourceTemplate = new ResourceTemplate
        {
            UriTemplate = uri,
            Name = mimeType == WidgetMimeTypes.Skybridge && uri != widget.Uri ? widget.EffectiveName + "-skybridge" : widget.EffectiveName,
            Title = widget.Title,
            Description = widget.Description,
            MimeType = mimeType,
            Meta = ResourceMetaWriter.ForListing(widget),
        };
        ProtocolResource = ProtocolResourceTemplate.AsResource();
    }

    public WidgetDeclaration Widget => _widget;

    public override ResourceTemplate ProtocolResourceTemplate { get; }

    /// <summary>Built once: the SDK's default builds a new listing entry on every <c>resources/list</c>.</summary>
    public override Resource? ProtocolResource { get; }

    public override IReadOnlyList<object> Metadata => [];

    public override bool IsMatch(string uri) => string.Equals(uri, _uri, StringComparison.Ordinal);

    public override async ValueTask<ReadResourceResult> ReadAsync(RequestContext<ReadResourceRequestParams> request, CancellationToken cancellationToken = default)
    {
        var http = request.Services?.GetService<IHttpContextAccessor>()?.HttpContext;
        var contents = await RenderAsync(_publicUrl.Resolve(http), cancellationToken);
        // A fresh result each time: the SDK may add protocol fields to the result it sends.
        return new ReadResourceResult { Contents = [contents] };
    }

    /// <summary>The content item for one public URL, built on first use.</summary>
    public Task<TextResourceContents> RenderAsync(string publicBaseUrl, CancellationToken cancellationToken)
    {
        if (_rendered.TryGetValue(publicBaseUrl, out var cached))
        {
            if (!cached.Value.IsFaulted) return cached.Value;
            // A failed read (say, a file being replaced during a deploy) is retried on the next request.
            _rendered.TryRemove(new KeyValuePair<string, Lazy<Task<TextResourceContents>>>(publicBaseUrl, cached));
        }
        var render = new Lazy<Task<TextResourceContents>>(() => BuildAsync(publicBaseUrl, CancellationToken.None));
        if (_rendered.Count >= MaxCachedPublicUrls) return render.Value.WaitAsync(cancellationToken);
        return _rendered.GetOrAdd(publicBaseUrl, render).Value.WaitAsync(cancellationToken);
    }

    private async Task<TextResourceContents> BuildAsync(string publicBaseUrl, CancellationToken cancellationToken)
    {
        var html = await _widget.Html.ReadAsync(_contentRoot, cancellationToken);
        return new TextResourceContents
        {
            Uri = _uri,
            MimeType = _mimeType,
            Text = WidgetHtmlRewriter.Rewrite(html, publicBaseUrl, _widget.Html.AssetBasePath),
            Meta = ResourceMetaWriter.ForContents(_widget, PublicUrlResolver.OriginOf(publicBaseUrl)),
        };
    }
}
