using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace AuthServer.MetadataDocuments;

/// <summary>
/// Runs just before OpenIddict looks the client up, at every endpoint that authenticates a client (authorization,
/// token, revocation): a client_id that is a URL is resolved through its metadata document first. A document that
/// cannot be used ends the request with invalid_client and a description; nothing is redirected to the client.
/// </summary>
public sealed class ClientMetadataDocumentHandler(ClientMetadataDocuments documents, IOpenIddictApplicationManager manager)
    : IOpenIddictServerHandler<ProcessAuthenticationContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ProcessAuthenticationContext>()
            .UseScopedHandler<ClientMetadataDocumentHandler>()
            .SetOrder(OpenIddictServerHandlers.ValidateClientId.Descriptor.Order - 500)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public async ValueTask HandleAsync(ProcessAuthenticationContext context)
    {
        if (!ClientIdUrl.LooksLikeUrl(context.ClientId)) return;
        var problem = await documents.EnsureRegisteredAsync(context.ClientId!, manager, context.CancellationToken);
        if (problem is not null) context.Reject(Errors.InvalidClient, problem);
    }
}
