namespace AuthServer.Clients;

/// <summary>
/// The validated metadata of a public client, from a registration request (RFC 7591) or a Client ID Metadata Document.
/// </summary>
public sealed record ClientMetadata(
    IReadOnlyList<string> RedirectUris,
    string? ClientName,
    IReadOnlyList<string> GrantTypes,
    IReadOnlyList<string> ResponseTypes,
    IReadOnlyList<string>? Scopes)
{
    /// <summary>The only client authentication this server registers: none, as public clients have no secret.</summary>
    public const string TokenEndpointAuthMethod = "none";

    public const int MaxClientNameLength = 200;
}
