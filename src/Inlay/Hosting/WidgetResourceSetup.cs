using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ModelContextProtocol.Server;

namespace Inlay;

/// <summary>Adds every declared widget to the MCP server's resources, once per dialect it is served in.</summary>
internal sealed class WidgetResourceSetup(
    IEnumerable<WidgetDeclaration> widgets,
    IOptions<InlayOptions> inlay,
    IHostEnvironment environment,
    PublicUrlResolver publicUrl) : IConfigureOptions<McpServerOptions>
{
    public void Configure(McpServerOptions options)
    {
        var resources = options.ResourceCollection ?? [];
        foreach (var resource in CreateResources())
            resources.TryAdd(resource);
        if (!resources.IsEmpty) options.ResourceCollection = resources;
    }

    public IEnumerable<WidgetResource> CreateResources()
    {
        var assetBaseUrl = string.IsNullOrWhiteSpace(inlay.Value.WidgetAssetBaseUrl) ? null : PublicUrlResolver.Normalize(inlay.Value.WidgetAssetBaseUrl);
        foreach (var widget in widgets)
        {
            var serving = WidgetServing.For(widget, inlay.Value);
            foreach (var (uri, mimeType) in serving.Resources())
                yield return new WidgetResource(widget, uri, mimeType, environment.ContentRootFileProvider, publicUrl, assetBaseUrl);
        }
    }
}
