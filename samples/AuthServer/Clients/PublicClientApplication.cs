using AuthServer.Server;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace AuthServer.Clients;

/// <summary>
/// Turns client metadata into the OpenIddict application it stands for: a public client (no secret) that may use the
/// authorization, token and revocation endpoints with the code flow, refresh tokens when asked for, and PKCE always.
/// </summary>
public sealed class PublicClientApplication(ScopeCatalog catalog)
{
    public OpenIddictApplicationDescriptor Describe(string clientId, ClientMetadata metadata)
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientType = ClientTypes.Public,
            // The consent page decides; "explicit" documents that nothing is granted without it.
            ConsentType = ConsentTypes.Explicit,
            DisplayName = metadata.ClientName,
        };
        foreach (var uri in metadata.RedirectUris) descriptor.RedirectUris.Add(new Uri(uri));

        descriptor.Permissions.UnionWith([
            Permissions.Endpoints.Authorization,
            Permissions.Endpoints.Token,
            Permissions.Endpoints.Revocation,
            Permissions.GrantTypes.AuthorizationCode,
            Permissions.ResponseTypes.Code,
        ]);
        if (metadata.GrantTypes.Contains(GrantTypes.RefreshToken)) descriptor.Permissions.Add(Permissions.GrantTypes.RefreshToken);
        foreach (var scope in metadata.Scopes ?? catalog.All)
        {
            // openid and offline_access need no permission in OpenIddict (offline_access follows the refresh grant).
            if (scope is Scopes.OpenId or Scopes.OfflineAccess) continue;
            descriptor.Permissions.Add(Permissions.Prefixes.Scope + scope);
        }
        descriptor.Requirements.Add(Requirements.Features.ProofKeyForCodeExchange);
        return descriptor;
    }
}
