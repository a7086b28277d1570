using Inlay.DevHost;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds Inlay's dev host to an app.</summary>
public static class DevHostServiceCollectionExtensions
{
    /// <summary>
    /// Adds the dev host, served under <c>/_inlay/</c> beside the MCP endpoint <c>MapInlay</c> maps, in Development
    /// (or as <c>Inlay:DevHost:Enabled</c> says). Referencing the <c>Inlay.DevHost</c> package does this already; call it
    /// when the package's build file does not name the dev host on the app's assembly (<c>InlayDevHostAutoEnable=false</c>,
    /// or an app whose entry assembly is not its own, such as a test host). Adding it twice does nothing more.
    /// </summary>
    /// <param name="services">The app's services.</param>
    /// <param name="configure">Changes the dev host's options after configuration is bound.</param>
    public static IServiceCollection AddInlayDevHost(this IServiceCollection services, Action<DevHostOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddInlayExtension<DevHostExtension>();
        if (configure is not null) services.Configure(configure);
        return services;
    }
}
