using System.Text.Json;
using System.Text.Json.Nodes;
using AuthServer.Clients;
using OpenIddict.Abstractions;

namespace AuthServer.Endpoints;

/// <summary>
/// POST /connect/register: Dynamic Client Registration (RFC 7591) for public clients. Open to anyone, as MCP clients
/// register themselves; what they can register is narrow (see <see cref="ClientMetadataParser"/>). Every refusal is a
/// 400 with an RFC 7591 error body.
/// </summary>
public static class RegistrationEndpoint
{
    public const string Path = "/connect/register";
    public const int MaxBodyBytes = 16 * 1024;

    public static void Map(IEndpointRouteBuilder routes) => routes.MapPost(Path, HandleAsync);

    private static async Task<IResult> HandleAsync(HttpContext context, ClientMetadataParser parser, PublicClientApplication applications,
        IOpenIddictApplicationManager manager, TimeProvider time)
    {
        var body = await ReadBodyAsync(context.Request, context.RequestAborted);
        if (body is null) return Error("invalid_client_metadata", $"the request body is larger than {MaxBodyBytes / 1024} KiB");

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException e)
        {
            return Error("invalid_client_metadata", "the request body is not valid JSON: " + e.Message);
        }

        using (document)
        {
            var result = parser.Parse(document.RootElement);
            if (result.Metadata is not { } metadata) return Error(result.Error!, result.ErrorDescription!);

            var clientId = Guid.NewGuid().ToString();
            await manager.CreateAsync(applications.Describe(clientId, metadata), context.RequestAborted);

            var response = new JsonObject
            {
                ["client_id"] = clientId,
                ["client_id_issued_at"] = time.GetUtcNow().ToUnixTimeSeconds(),
                ["redirect_uris"] = new JsonArray([.. metadata.RedirectUris.Select(u => JsonValue.Create(u))]),
                ["grant_types"] = new JsonArray([.. metadata.GrantTypes.Select(g => JsonValue.Create(g))]),
                ["response_types"] = new JsonArray([.. metadata.ResponseTypes.Select(r => JsonValue.Create(r))]),
                ["token_endpoint_auth_method"] = ClientMetadata.TokenEndpointAuthMethod,
            };
            if (metadata.ClientName is not null) response["client_name"] = metadata.ClientName;
            if (metadata.Scopes is not null) response["scope"] = string.Join(' ', metadata.Scopes);
            context.Response.Headers.CacheControl = "no-store";
            return Results.Json(response, statusCode: StatusCodes.Status201Created);
        }
    }

    // Reads at most MaxBodyBytes whatever Content-Length claims; null when there is more.
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes) return null;
        var buffer = new byte[MaxBodyBytes + 1];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await request.Body.ReadAsync(buffer.AsMemory(length), cancellationToken)) > 0) length += read;
        return length > MaxBodyBytes ? null : buffer[..length];
    }

    private static IResult Error(string error, string description) =>
        Results.Json(new JsonObject { ["error"] = error, ["error_description"] = description }, statusCode: StatusCodes.Status400BadRequest);
}
