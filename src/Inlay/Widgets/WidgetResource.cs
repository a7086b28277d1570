using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Inlay;

/// <summary>
/// One served widget resource (one URI, one MIME type). The rendered document and its <c>_meta</c> are built once per
/// public URL and reused: <c>resources/read</c> does no HTML work on the hot path. A page of the app
/// (<see cref="WidgetHtmlSource.FromAppPage"/>) is the exception: the app renders it on every read.
/// </summary>
/// <remarks>
/// Listed at its versioned URI (<see cref="VersionedUri"/>) when URIs are versioned. Reads of the declared URI and of
/// any well-formed version answer with the current document (the item's <c>uri</c> is the one asked for): a version
/// names what a host may have cached, and the previous assets an older document needs stay served by the asset
/// endpoint. A version this instance never advertised is normal too: another instance's, behind a load balancer during
/// a rolling deploy. Only a malformed version is a resource-not-found error. A new version (a widget rebuilt in
/// Development) empties the render cache.
/// </remarks>
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
    private readonly WidgetVersions? _versions;
    private readonly ConcurrentDictionary<string, Lazy<Task<TextResourceContents>>> _rendered = new(StringComparer.Ordinal);
    private readonly WidgetDomainForHost? _domains;
    // The rendered item with another host's ui.domain, per public URL and domain: built once, like the render.
    private readonly ConcurrentDictionary<(string PublicBaseUrl, string Domain), TextResourceContents> _withHostDomain = new();
    private readonly ResourceTemplate _declaredListing;
    private Listed _listed;
    private string? _renderedVersion;

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
    /// <param name="versions">The widgets' content versions; without them the resource is listed at its declared URI.</param>
    /// <param name="domains">The <c>ui.domain</c> each calling host gets; without it, the declared one for all.</param>
    public WidgetResource(WidgetDeclaration widget, string uri, string mimeType, IFileProvider contentRoot, PublicUrlResolver publicUrl,
        string? assetBaseUrl = null, AppPageRenderer? pages = null, WidgetVersions? versions = null, WidgetDomainForHost? domains = null)
    {
        _domains = domains;
        _assetBaseUrl = assetBaseUrl;
        _pages = pages;
        _versions = versions;
        _widget = widget;
        _uri = uri;
        _mimeType = mimeType;
        _contentRoot = contentRoot;
        _publicUrl = publicUrl;
        // The SDK keys resources by this template's URI: the declared one, which never changes.
        _declaredListing = new ResourceTemplate
        {
            UriTemplate = uri,
            Name = mimeType == WidgetMimeTypes.Skybridge && uri != widget.Uri ? widget.EffectiveName + "-skybridge" : widget.EffectiveName,
            Title = widget.Title,
            Description = widget.Description,
            MimeType = mimeType,
            Meta = ResourceMetaWriter.ForListing(widget),
        };
        _listed = new Listed(null, Listing(null));
    }

    public WidgetDeclaration Widget => _widget;

    /// <summary>The declared URI this resource answers to (the MCP Apps URI or its Skybridge twin), without a version.</summary>
    public string DeclaredUri => _uri;

    /// <summary>The URI hosts are told about now: the declared one with the widget's current version, if any.</summary>
    public string AdvertisedUri => ProtocolResource!.Uri;

    public override ResourceTemplate ProtocolResourceTemplate => _declaredListing;

    /// <summary>
    /// The <c>resources/list</c> entry, at the advertised URI; rebuilt only when the version changes (the SDK's default
    /// builds a new entry on every <c>resources/list</c>).
    /// </summary>
    public override Resource? ProtocolResource
    {
        get
        {
            var version = CurrentVersion;
            var listed = _listed;
            if (!string.Equals(listed.Version, version, StringComparison.Ordinal))
            {
                listed = new Listed(version, Listing(version));
                _listed = listed;
            }
            return listed.Resource;
        }
    }

    public override IReadOnlyList<object> Metadata => [];

    /// <summary>The declared URI, or the declared URI with a version (well formed or not: a wrong one gets a clear error from <see cref="ReadAsync"/>).</summary>
    public override bool IsMatch(string uri) => VersionedUri.Classify(uri, _uri) switch
    {
        VersionedUri.MatchKind.Declared => true,
        VersionedUri.MatchKind.Versioned or VersionedUri.MatchKind.Malformed => _versions?.Enabled == true && _widget.Html is not AppPageHtmlSource,
        _ => false,
    };

    public override async ValueTask<ReadResourceResult> ReadAsync(RequestContext<ReadResourceRequestParams> request, CancellationToken cancellationToken = default)
    {
        var requested = request.Params?.Uri ?? _uri;
        // The URI hosts were given is the common case: one comparison, nothing allocated.
        var advertised = AdvertisedUri;
        if (!string.Equals(requested, advertised, StringComparison.Ordinal)) CheckVersion(requested);
        var http = request.Services?.GetService<IHttpContextAccessor>()?.HttpContext;
        var publicBaseUrl = _publicUrl.Resolve(http);
        var contents = _widget.Html is AppPageHtmlSource
            ? await BuildAsync(publicBaseUrl, cancellationToken)
            : await RenderAsync(publicBaseUrl, cancellationToken);
        // Only a declared domain can differ per host, so other widgets skip host detection altogether.
        if (_widget.Domain is not null && _domains?.For(_widget.Domain, request, http) is { } domain && !string.Equals(domain, _widget.Domain, StringComparison.Ordinal))
            contents = WithHostDomain(contents, publicBaseUrl, domain);
        if (!string.Equals(contents.Uri, requested, StringComparison.Ordinal))
            contents = new TextResourceContents { Uri = requested, MimeType = contents.MimeType, Text = contents.Text, Meta = contents.Meta };
        // A fresh result each time: the SDK may add protocol fields to the result it sends.
        return new ReadResourceResult { Contents = [contents] };
    }

    private string? CurrentVersion => _versions?.Current(_widget.Uri);

    private TextResourceContents WithHostDomain(TextResourceContents contents, string publicBaseUrl, string domain)
    {
        TextResourceContents Build() => new() { Uri = contents.Uri, MimeType = contents.MimeType, Text = contents.Text, Meta = ResourceMetaWriter.WithDomain(contents.Meta!, domain) };
        // A page of the app is rendered on every read, so its variant is too.
        if (_widget.Html is AppPageHtmlSource) return Build();
        var key = (publicBaseUrl, domain);
        if (_withHostDomain.TryGetValue(key, out var cached) && ReferenceEquals(cached.Text, contents.Text)) return cached;
        var built = Build();
        if (_withHostDomain.Count < MaxCachedPublicUrls || _withHostDomain.ContainsKey(key)) _withHostDomain[key] = built;
        return built;
    }

    private Resource Listing(string? version)
    {
        var resource = _declaredListing.AsResource() ?? throw new InvalidOperationException($"The widget URI '{_uri}' must not be a URI template.");
        resource.Uri = VersionedUri.Of(_uri, version);
        return resource;
    }

    /// <summary>Refuses a malformed version, naming the URI to use instead.</summary>
    private void CheckVersion(string requested)
    {
        var match = VersionedUri.Parse(requested, _uri);
        if (match.Kind != VersionedUri.MatchKind.Malformed) return;
        var why = $"'{match.Version}' is not a widget version ({VersionedUri.VersionLength} lowercase hex digits)";
        throw new McpProtocolException(
            $"Resource not found: {requested}: {why}. The widget is served at {AdvertisedUri}; list the tools again for the current template URI.",
            McpErrorCode.ResourceNotFound);
    }

    /// <summary>The content item for one public URL, built on first use.</summary>
    public Task<TextResourceContents> RenderAsync(string publicBaseUrl, CancellationToken cancellationToken)
    {
        var version = CurrentVersion;
        if (!string.Equals(_renderedVersion, version, StringComparison.Ordinal))
        {
            // The widget changed (rebuilt in Development): documents rendered from the old files are stale.
            _rendered.Clear();
            _renderedVersion = version;
        }
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
            Uri = AdvertisedUri,
            MimeType = _mimeType,
            Text = text,
            Meta = ResourceMetaWriter.ForContents(_widget, assetOrigin, pageOrigin),
        };
    }

    /// <summary>A listing entry and the version it names; replaced as a whole so readers never see a mix.</summary>
    private sealed record Listed(string? Version, Resource Resource);
}
