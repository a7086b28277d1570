using System.Security.Claims;
using AuthServer.Data;
using AuthServer.Server;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace AuthServer.Endpoints;

/// <summary>
/// POST /connect/token, after OpenIddict has validated the request (client, PKCE verifier, code or refresh token):
/// issues tokens from the user's current record, so a deleted account gets nothing and a renamed one is up to date.
/// A <c>resource</c> sent here may narrow, never widen, the resources the grant was given.
/// </summary>
public static class TokenEndpoint
{
    public const string Path = "/connect/token";

    public static void Map(IEndpointRouteBuilder routes) => routes.MapPost(Path, HandleAsync);

    private static async Task<IResult> HandleAsync(HttpContext context, AuthServerDbContext database)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        if (!request.IsAuthorizationCodeGrantType() && !request.IsRefreshTokenGrantType())
            return Refuse(Errors.UnsupportedGrantType, "Only the authorization_code and refresh_token grants are supported.");

        var grant = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        if (grant.Principal is not { } granted) return Refuse(Errors.InvalidGrant, "The grant is no longer valid.");

        var user = await database.Users.FindAsync([granted.GetClaim(Claims.Subject)], context.RequestAborted);
        if (user is null) return Refuse(Errors.InvalidGrant, "The account this grant was issued for no longer exists.");

        var grantedResources = granted.GetResources();
        var requestedResources = request.GetResources();
        if (requestedResources.FirstOrDefault(r => !grantedResources.Contains(r)) is { } extra)
            return Refuse(Errors.InvalidTarget, $"The resource '{extra}' was not part of this grant.");

        var identity = UserIdentity.Create(user, granted.GetScopes());
        identity.SetResources(requestedResources.IsDefaultOrEmpty ? grantedResources : requestedResources);
        identity.SetAuthorizationId(granted.GetAuthorizationId());
        return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static IResult Refuse(string error, string description) =>
        Results.Forbid(
            new AuthenticationProperties(new Dictionary<string, string?>
            {
                [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
                [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
            }),
            [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}
