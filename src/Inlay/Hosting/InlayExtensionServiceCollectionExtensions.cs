using System.Diagnostics.CodeAnalysis;
using Inlay;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds <see cref="InlayExtension"/>s to an app's services.</summary>
public static class InlayExtensionServiceCollectionExtensions
{
    /// <summary>
    /// Adds the extension <typeparamref name="TExtension"/>: calls its <see cref="InlayExtension.ConfigureServices"/> and
    /// registers it, so <c>MapInlay</c> calls its <see cref="InlayExtension.MapEndpoints"/>. Adding one twice does nothing.
    /// </summary>
    /// <typeparam name="TExtension">The extension.</typeparam>
    /// <param name="services">The app's services.</param>
    public static IServiceCollection AddInlayExtension<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TExtension>(
        this IServiceCollection services) where TExtension : InlayExtension, new()
    {
        ArgumentNullException.ThrowIfNull(services);
        return Add(services, typeof(TExtension));
    }

    /// <summary>Adds an extension by type, once: the same work as <see cref="AddInlayExtension{TExtension}"/>.</summary>
    internal static IServiceCollection Add(
        IServiceCollection services,
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] Type type)
    {
        if (!typeof(InlayExtension).IsAssignableFrom(type))
            throw new InvalidOperationException($"{type} is named as an Inlay extension but does not derive from {nameof(InlayExtension)}.");
        if (services.Any(d => d.ServiceType == typeof(InlayExtension) && d.ImplementationInstance?.GetType() == type)) return services;
        var extension = (InlayExtension)Activator.CreateInstance(type)!;
        extension.ConfigureServices(services);
        services.AddSingleton(extension);
        return services;
    }
}
