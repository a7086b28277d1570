using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Inlay;

/// <summary>
/// The widget resources, built once. In stateless mode the SDK builds fresh server options for every request, so
/// resources made while configuring them would start with an empty render cache each time.
/// </summary>
internal sealed class WidgetResourceCatalog(
    IEnumerable<WidgetDeclaration> widgets,
    IOptions<InlayOptions> inlay,
    IHostEnvironment environment,
    PublicUrlResolver publicUrl,
    AppPageRenderer pages,
    WidgetVersions versions)
{
    private readonly Lazy<IReadOnlyList<WidgetResource>> _resources = new(() =>
    {
        var assetBaseUrl = string.IsNullOrWhiteSpace(inlay.Value.WidgetAssetBaseUrl) ? null : PublicUrlResolver.Normalize(inlay.Value.WidgetAssetBaseUrl);
        var domains = new WidgetDomainForHost(publicUrl, new HostTargets(inlay.Value.Hosts));
        return
        [
            .. widgets.SelectMany(widget => WidgetServing.For(widget, inlay.Value).Resources()
                .Select(served => new WidgetResource(widget, served.Uri, served.MimeType, environment.ContentRootFileProvider, publicUrl, assetBaseUrl, pages, versions, domains))),
        ];
    });

    public IReadOnlyList<WidgetResource> Resources => _resources.Value;
}
