using System.Text.Json;
using AuthServer.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace AuthServer.Clients;

/// <summary>
/// Reads and checks client metadata (RFC 7591 names) from JSON. Only what a public authorization-code client needs is
/// accepted; anything else this server cannot honour is refused with a sentence saying why, rather than ignored.
/// </summary>
public sealed class ClientMetadataParser(ScopeCatalog scopes)
{
    private static readonly string[] AllowedGrantTypes = [GrantTypes.AuthorizationCode, GrantTypes.RefreshToken];

    /// <summary>The metadata, or the reason it is refused (with the RFC 7591 error code to answer with).</summary>
    public ClientMetadataResult Parse(JsonElement json)
    {
        if (json.ValueKind != JsonValueKind.Object) return Invalid("the body must be a JSON object");

        if (!json.TryGetProperty("redirect_uris", out var redirectJson) || redirectJson.ValueKind == JsonValueKind.Null)
            return InvalidRedirect("redirect_uris is required");
        if (!TryReadStrings(redirectJson, out var redirectUris)) return InvalidRedirect("redirect_uris must be an array of strings");
        if (redirectUris.Count is 0 or > RedirectUriRules.MaxCount)
            return InvalidRedirect($"redirect_uris must list between 1 and {RedirectUriRules.MaxCount} URLs");
        foreach (var uri in redirectUris)
        {
            if (RedirectUriRules.Check(uri) is { } problem) return InvalidRedirect(problem);
        }

        string? clientName = null;
        if (json.TryGetProperty("client_name", out var nameJson) && nameJson.ValueKind != JsonValueKind.Null)
        {
            if (nameJson.ValueKind != JsonValueKind.String) return Invalid("client_name must be a string");
            clientName = nameJson.GetString()!.Trim();
            if (clientName.Length > ClientMetadata.MaxClientNameLength)
                return Invalid($"client_name is longer than {ClientMetadata.MaxClientNameLength} characters");
            if (clientName.Length == 0) clientName = null;
        }

        // Absent means none here (RFC 7591's client_secret_basic default cannot apply to a server without secrets).
        var method = ClientMetadata.TokenEndpointAuthMethod;
        if (json.TryGetProperty("token_endpoint_auth_method", out var methodJson) && methodJson.ValueKind != JsonValueKind.Null)
        {
            method = methodJson.ValueKind == JsonValueKind.String ? methodJson.GetString()! : "";
        }
        // A client that can also work without authenticating says so in token_endpoint_auth_methods_supported (ChatGPT's
        // metadata document prefers private_key_jwt and lists none as well): it is registered as the public client it can be.
        if (method != ClientMetadata.TokenEndpointAuthMethod && SupportsNone(json)) method = ClientMetadata.TokenEndpointAuthMethod;
        if (method != ClientMetadata.TokenEndpointAuthMethod)
            return Invalid($"token_endpoint_auth_method '{method}' is not supported: this server registers public clients only, use 'none' with PKCE");

        // Absent grant_types means both: refresh tokens are what keep an MCP client signed in.
        if (!TryReadOptionalStrings(json, "grant_types", AllowedGrantTypes, out var grantTypes))
            return Invalid("grant_types must be an array of strings");
        if (grantTypes.FirstOrDefault(g => !AllowedGrantTypes.Contains(g)) is { } grant)
            return Invalid($"grant type '{grant}' is not supported; only authorization_code and refresh_token are");

        if (!TryReadOptionalStrings(json, "response_types", [ResponseTypes.Code], out var responseTypes))
            return Invalid("response_types must be an array of strings");
        if (responseTypes.FirstOrDefault(r => r != ResponseTypes.Code) is { } response)
            return Invalid($"response type '{response}' is not supported; only code is");

        IReadOnlyList<string>? requestedScopes = null;
        if (json.TryGetProperty("scope", out var scopeJson) && scopeJson.ValueKind != JsonValueKind.Null)
        {
            if (scopeJson.ValueKind != JsonValueKind.String) return Invalid("scope must be a space-separated string");
            var list = scopeJson.GetString()!.Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).ToArray();
            if (list.FirstOrDefault(s => !scopes.All.Contains(s)) is { } unknown)
                return Invalid($"scope '{unknown}' is not offered by this server");
            if (list.Length > 0) requestedScopes = list;
        }

        return new ClientMetadataResult(new ClientMetadata(redirectUris, clientName, grantTypes, responseTypes, requestedScopes), null, null);
    }

    private static bool SupportsNone(JsonElement json) =>
        json.TryGetProperty("token_endpoint_auth_methods_supported", out var supported) && supported.ValueKind == JsonValueKind.Array
        && supported.EnumerateArray().Any(m => m.ValueKind == JsonValueKind.String && m.GetString() == ClientMetadata.TokenEndpointAuthMethod);

    private static ClientMetadataResult Invalid(string description) => new(null, "invalid_client_metadata", description);

    private static ClientMetadataResult InvalidRedirect(string description) => new(null, "invalid_redirect_uri", description);

    private static bool TryReadOptionalStrings(JsonElement json, string name, string[] fallback, out List<string> values)
    {
        if (!json.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            values = [.. fallback];
            return true;
        }
        return TryReadStrings(element, out values);
    }

    private static bool TryReadStrings(JsonElement element, out List<string> values)
    {
        values = [];
        if (element.ValueKind != JsonValueKind.Array) return false;
        foreach (var item in element.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String) return false;
            values.Add(item.GetString()!);
        }
        values = values.Distinct(StringComparer.Ordinal).ToList();
        return true;
    }
}

/// <summary>Either <see cref="Metadata"/>, or an RFC 7591 <see cref="Error"/> with its description.</summary>
public sealed record ClientMetadataResult(ClientMetadata? Metadata, string? Error, string? ErrorDescription);
