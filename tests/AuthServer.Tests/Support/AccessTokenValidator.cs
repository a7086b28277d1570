using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AuthServer.Tests.Support;

/// <summary>Validates an access token as a resource server would: against the server's JWKS, issuer and an audience.</summary>
public static class AccessTokenValidator
{
    public static async Task<JsonWebToken> ValidateAsync(AuthServerApp app, string accessToken, string audience)
    {
        using var http = app.CreateHttpClient();
        var jwks = new JsonWebKeySet(await http.GetStringAsync(".well-known/jwks"));
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(accessToken, new TokenValidationParameters
        {
            ValidIssuer = app.Issuer,
            ValidAudience = audience,
            IssuerSigningKeys = jwks.GetSigningKeys(),
            ValidTypes = ["at+jwt"],
            ClockSkew = TimeSpan.FromSeconds(5),
        });
        Assert.True(result.IsValid, "The access token did not validate: " + result.Exception);
        return (JsonWebToken)result.SecurityToken;
    }
}
