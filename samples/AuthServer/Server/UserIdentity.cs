using System.Security.Claims;
using AuthServer.Data;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace AuthServer.Server;

/// <summary>
/// The claims OpenIddict puts in tokens for a user. The access token always carries sub, email and name, so a resource
/// server and the client's UI can say who signed in; the identity token carries email and name when their scopes
/// were granted.
/// </summary>
public static class UserIdentity
{
    public static ClaimsIdentity Create(UserAccount user, IEnumerable<string> scopes)
    {
        var identity = new ClaimsIdentity(
            authenticationType: "AuthServer", nameType: Claims.Name, roleType: Claims.Role);
        identity.SetClaim(Claims.Subject, user.Id)
            .SetClaim(Claims.Email, user.Email)
            .SetClaim(Claims.Name, user.DisplayName);

        var granted = scopes.ToHashSet(StringComparer.Ordinal);
        identity.SetScopes(granted);
        identity.SetDestinations(claim => claim.Type switch
        {
            Claims.Subject => [Destinations.AccessToken, Destinations.IdentityToken],
            Claims.Email when granted.Contains(Scopes.Email) => [Destinations.AccessToken, Destinations.IdentityToken],
            Claims.Name when granted.Contains(Scopes.Profile) => [Destinations.AccessToken, Destinations.IdentityToken],
            Claims.Email or Claims.Name => [Destinations.AccessToken],
            _ => [],
        });
        return identity;
    }
}
