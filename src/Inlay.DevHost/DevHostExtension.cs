using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Inlay.DevHost;

/// <summary>
/// The dev host as an <see cref="InlayExtension"/>: its services (options, the sandbox origin, the widget watcher) and
/// its endpoints under <c>/_inlay/</c>, mapped by <c>MapInlay</c> when the dev host is on (<see cref="DevHostOptions.Enabled"/>,
/// or Development when unset). Named on the app's assembly by the package's build file, or added with
/// <c>builder.Services.AddInlayDevHost()</c>.
/// </summary>
public sealed class DevHostExtension : InlayExtension
{
    private int _mapped;

    /// <inheritdoc />
    public override void ConfigureServices(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<DevHostOptions>().BindConfiguration(DevHostOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DevHostOptions>, DevHostOptionsValidator>());
        services.TryAddSingleton<DevSandboxServer>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, WidgetFileWatcher>());
    }

    /// <inheritdoc />
    public override void MapEndpoints(IEndpointRouteBuilder endpoints, string mcpPattern)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        // One dev host per app, for the first MCP endpoint mapped.
        if (!IsEnabled(endpoints.ServiceProvider) || Interlocked.Exchange(ref _mapped, 1) == 1) return;
        DevHostEndpoints.Map(endpoints, mcpPattern);
    }

    /// <summary>Whether the dev host is on: <see cref="DevHostOptions.Enabled"/>, or Development when unset.</summary>
    internal static bool IsEnabled(IServiceProvider services) =>
        services.GetRequiredService<IOptions<DevHostOptions>>().Value.Enabled
        ?? services.GetRequiredService<IHostEnvironment>().IsDevelopment();
}
