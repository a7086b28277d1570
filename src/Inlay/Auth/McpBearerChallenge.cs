using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace Inlay;

/// <summary>
/// The <c>WWW-Authenticate: Bearer</c> challenge MCP clients act on (RFC 6750 and RFC 9728): where the
/// protected-resource metadata is, what went wrong with the token, and which scopes to ask for. The same text goes
/// into a 401 response and into a tool result's <c>_meta["mcp/www_authenticate"]</c>.
/// </summary>
internal static class McpBearerChallenge
{
    public static string Format(string resourceMetadataUrl, string? error, string? description, IReadOnlyList<string> scopes)
    {
        var challenge = new StringBuilder("Bearer resource_metadata=\"").Append(Quote(resourceMetadataUrl)).Append('"');
        if (error is not null) challenge.Append(", error=\"").Append(error).Append('"');
        if (description is not null) challenge.Append(", error_description=\"").Append(Quote(description)).Append('"');
        if (scopes.Count > 0) challenge.Append(", scope=\"").Append(Quote(string.Join(' ', scopes))).Append('"');
        return challenge.ToString();
    }

    /// <summary>
    /// Says why a token was refused in words a person can act on, without echoing the token or the validator's
    /// internals (key ids, expected values).
    /// </summary>
    public static string Describe(Exception? failure) => failure switch
    {
        SecurityTokenExpiredException => "The access token has expired.",
        SecurityTokenNotYetValidException => "The access token is not valid yet.",
        SecurityTokenInvalidAudienceException => "The access token was issued for another resource, not this MCP server.",
        SecurityTokenInvalidIssuerException => "The access token was issued by an authorization server this MCP server does not trust.",
        SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => "The access token's signature is not valid.",
        SecurityTokenInvalidAlgorithmException => "The access token is signed with an algorithm this MCP server does not accept.",
        _ => "The access token is not valid.",
    };

    // A quoted-string may not hold a bare quote or backslash (RFC 9110 5.6.4).
    private static string Quote(string value) => value.Replace("\\", "\\\\").Replace("\"", "'");
}
