using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Inlay;

/// <summary>
/// Adds the extensions the app's assembly names with <see cref="InlayExtensionAttribute"/>: the assembly of the host
/// environment's application name (the app's, also under <c>WebApplicationFactory</c>), else the entry assembly.
/// </summary>
internal static class InlayExtensionDiscovery
{
    public static void AddNamedExtensions(IServiceCollection services)
    {
        if (AppAssembly(services) is not { } assembly) return;
        foreach (var named in assembly.GetCustomAttributes<InlayExtensionAttribute>())
            InlayExtensionServiceCollectionExtensions.Add(services, named.ExtensionType);
    }

    private static Assembly? AppAssembly(IServiceCollection services)
    {
        var name = services.LastOrDefault(d => d.ServiceType == typeof(IHostEnvironment))?.ImplementationInstance is IHostEnvironment environment
            ? environment.ApplicationName
            : null;
        if (!string.IsNullOrEmpty(name))
        {
            try
            {
                return Assembly.Load(new AssemblyName(name));
            }
            catch (Exception ex) when (ex is FileNotFoundException or FileLoadException or BadImageFormatException or ArgumentException)
            {
                // An application name that is not an assembly's: fall back to the entry assembly.
            }
        }
        return Assembly.GetEntryAssembly();
    }
}
