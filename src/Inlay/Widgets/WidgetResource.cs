using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Inlay;

/// <summary>
/// One served widget resource (one URI, one MIME type). The rendered document and its <c>_meta</c> are built once per
/// public URL and reused: <c>resources/read</c> does no HTML work on the hot path. A page of the app
/// (<see cref="WidgetHtmlSource.FromAppPage"/>) is the exception: the app renders it on every read.
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
    private readonly string? _assetBaseUrl;
    private readonly AppPageRenderer? _pages;
    private readonly ConcurrentDictionary<string, Lazy<Task<TextResourceContents>>> _rendered = new(StringComparer.Ordinal);

    /// <param name="widget">The widget.</param>
    /// <param name="uri">The resource URI served.</param>
    /// <param name="mimeType">The MIME type served.</param>
    /// <param name="contentRoot">The app's content root.</param>
    /// <param name="publicUrl">Finds the app's public URL.</param>
    /// <param name="assetBaseUrl">
    /// <see cref="InlayOptions.WidgetAssetBaseUrl"/>, normalized (no trailing slash): where asset folders are published
    /// instead of being served by the app; <see langword="null"/> when the app serves them.
    /// </param>
    /// <param name="pages">Renders widgets that are pages of the app; needed only for those.</param>
    public WidgetResource(WidgetDeclaration widget, string uri, string mimeType, IFileProvider contentRoot, PublicUrlResolver publicUrl,
        string? assetBaseUrl = null, AppPageRenderer? pages = null)
    {
        _assetBaseUrl = assetBaseUrl;
        _pages = pages;
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
        var publicBaseUrl = _publicUrl.Resolve(http);
        var contents = _widget.Html is AppPageHtmlSource
            ? await BuildAsync(publicBaseUrl, cancellationToken)
            : await RenderAsync(publicBaseUrl, cancellationToken);
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
        string text, assetOrigin;
        string? pageOrigin = null;
        if (_widget.Html is AppPageHtmlSource page)
        {
            var pages = _pages ?? throw new InvalidOperationException($"Widget HTML {page.Description} needs the app's page renderer, which was not given.");
            text = await pages.RenderAsync(page, publicBaseUrl, cancellationToken);
            assetOrigin = pageOrigin = PublicUrlResolver.OriginOf(publicBaseUrl);
        }
        else if (_assetBaseUrl is not null && _widget.Html is AssetFolderHtmlSource folder)
        {
            // Published elsewhere: {WidgetAssetBaseUrl}/{slug}/ holds the folder, so URLs resolve against that path there.
            var folderPath = "/" + folder.Slug + "/";
            var html = WidgetHtmlRewriter.RerootRootRelative(await folder.ReadEntryAsync(_contentRoot, cancellationToken), folderPath);
            text = WidgetHtmlRewriter.Rewrite(html, _assetBaseUrl, folderPath);
            assetOrigin = PublicUrlResolver.OriginOf(_assetBaseUrl);
        }
        else
        {
            var html = await _widget.Html.ReadAsync(_contentRoot, cancellationToken);
            text = WidgetHtmlRewriter.Rewrite(html, publicBaseUrl, _widget.Html.AssetBasePath);
            assetOrigin = PublicUrlResolver.OriginOf(publicBaseUrl);
        }
        return new TextResourceContents
        {
            Uri = _uri,
            MimeType = _mimeType,
            Text = text,
            Meta = ResourceMetaWriter.ForContents(_widget, assetOrigin, pageOrigin),
        };
    }
}
