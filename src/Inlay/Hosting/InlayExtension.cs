using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Inlay;

/// <summary>
/// A package that extends Inlay, such as <c>Inlay.DevHost</c>: it adds services when the app adds Inlay and maps
/// endpoints beside each MCP endpoint <c>MapInlay</c> maps. Added with
/// <see cref="InlayExtensionServiceCollectionExtensions.AddInlayExtension{TExtension}"/>, or by naming it on the app's
/// assembly with <see cref="InlayExtensionAttribute"/>, which <c>WithInlay()</c> reads.
/// </summary>
public abstract class InlayExtension
{
    /// <summary>Adds the extension's services. Called once per service collection.</summary>
    /// <param name="services">The app's services.</param>
    public virtual void ConfigureServices(IServiceCollection services)
    {
    }

    /// <summary>Maps the extension's endpoints; called by <c>MapInlay</c> after it mapped the MCP endpoint.</summary>
    /// <param name="endpoints">Where <c>MapInlay</c> maps.</param>
    /// <param name="mcpPattern">The MCP endpoint's route, such as <c>/mcp</c>.</param>
    public virtual void MapEndpoints(IEndpointRouteBuilder endpoints, string mcpPattern)
    {
    }
}
