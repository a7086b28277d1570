using AuthServer.Endpoints;
using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace AuthServer.Server;

/// <summary>
/// Adds to OpenIddict's discovery document what it does not know about: the registration endpoint (RFC 7591), Client
/// ID Metadata Document support, and that clients authenticate with nothing but PKCE (public clients only).
/// </summary>
public sealed class DiscoveryMetadata : IOpenIddictServerHandler<HandleConfigurationRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<HandleConfigurationRequestContext>()
            .UseSingletonHandler<DiscoveryMetadata>()
            .SetOrder(OpenIddictServerHandlers.Discovery.AttachAdditionalMetadata.Descriptor.Order + 1000)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(HandleConfigurationRequestContext context)
    {
        // Endpoints are published relative to the request's base URL, like OpenIddict's own.
        if (context.BaseUri is { } baseUri)
            context.Metadata["registration_endpoint"] = new Uri(baseUri, RegistrationEndpoint.Path.TrimStart('/')).AbsoluteUri;
        context.Metadata["client_id_metadata_document_supported"] = true;

        context.TokenEndpointAuthenticationMethods.Clear();
        context.TokenEndpointAuthenticationMethods.Add("none");
        context.RevocationEndpointAuthenticationMethods.Clear();
        context.RevocationEndpointAuthenticationMethods.Add("none");
        return ValueTask.CompletedTask;
    }
}
