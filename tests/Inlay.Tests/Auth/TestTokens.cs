using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Inlay.Tests.Auth;

/// <summary>Signs access tokens with a key the test server trusts; no identity provider involved.</summary>
public static class TestTokens
{
    public const string Issuer = "https://auth.test.example";
    public const string Audience = "https://mcp.test.example/mcp";

    public static readonly SymmetricSecurityKey Key = new(Encoding.UTF8.GetBytes("inlay-test-signing-key-0123456789-abcdefghij"));

    /// <summary>Makes a JWT bearer scheme trust these tokens, with claims under their JWT names (sub, scope).</summary>
    public static void Trust(JwtBearerOptions options)
    {
        options.MapInboundClaims = false;
        options.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = Issuer,
            ValidAudience = Audience,
            IssuerSigningKey = Key,
        };
    }

    public static string Create(string subject, string scopes, DateTime? expires = null, SecurityKey? key = null, string audience = Audience) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = audience,
            Subject = new ClaimsIdentity([new Claim("sub", subject), new Claim("scope", scopes)]),
            NotBefore = (expires ?? DateTime.UtcNow.AddMinutes(10)).AddHours(-1),
            Expires = expires ?? DateTime.UtcNow.AddMinutes(10),
            SigningCredentials = new SigningCredentials(key ?? Key, SecurityAlgorithms.HmacSha256),
        });
}
