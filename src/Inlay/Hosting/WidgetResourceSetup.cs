using Microsoft.Extensions.Options;
using ModelContextProtocol.Server;

namespace Inlay;

/// <summary>Adds every declared widget to the MCP server's resources, once per dialect it is served in.</summary>
internal sealed class WidgetResourceSetup(WidgetResourceCatalog catalog) : IConfigureOptions<McpServerOptions>
{
    public void Configure(McpServerOptions options)
    {
        if (catalog.Resources.Count == 0) return;
        var resources = options.ResourceCollection ?? [];
        foreach (var resource in catalog.Resources)
            resources.TryAdd(resource);
        options.ResourceCollection = resources;
    }
}
