using Inlay;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Lets the hosts' sandboxed iframes call an app's own endpoints cross-origin.</summary>
public static class WidgetCorsEndpointConventionBuilderExtensions
{
    /// <summary>
    /// Applies Inlay's widget CORS policy to these endpoints: any origin in Development, only
    /// <see cref="InlayOptions.WidgetCorsOrigins"/> (the hosts' sandbox origins) elsewhere; any method and header, no
    /// credentials. For the pages and data a widget that is a page of the app (<see cref="WidgetHtmlSource.FromAppPage"/>)
    /// fetches from its sandbox: <c>app.MapRazorPages().RequireWidgetCors()</c>. The app must run the CORS middleware
    /// (<c>app.UseCors()</c>) for endpoint CORS policies to apply.
    /// </summary>
    /// <typeparam name="TBuilder">The endpoint convention builder.</typeparam>
    /// <param name="builder">The endpoints, such as those <c>MapRazorPages()</c> or <c>MapGet</c> returned.</param>
    /// <returns><paramref name="builder"/>, for chaining.</returns>
    public static TBuilder RequireWidgetCors<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.RequireCors(WidgetCorsPolicy.Name);
    }
}
