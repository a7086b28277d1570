using System.Collections.Concurrent;
using System.Text.Json;
using AuthServer.Clients;
using OpenIddict.Abstractions;

namespace AuthServer.MetadataDocuments;

/// <summary>
/// Turns a client_id that is a URL into a registered OpenIddict application: fetches the Client ID Metadata Document
/// there, checks it (its client_id must be the URL itself, its metadata acceptable as for a registration), and creates
/// or updates the application, so OpenIddict's own checks (exact redirect URI match, permissions, PKCE) apply as for any
/// client. A document is fetched again once its cache time is over.
/// </summary>
public sealed class ClientMetadataDocuments(
    MetadataDocumentFetcher fetcher,
    ClientMetadataParser parser,
    PublicClientApplication applications,
    IHostEnvironment environment,
    TimeProvider time,
    ILogger<ClientMetadataDocuments> logger)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _freshUntil = new(StringComparer.Ordinal);
    // Striped rather than one lock per URL, so requests naming ever new URLs cannot grow a table without end.
    private readonly SemaphoreSlim[] _locks = Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1)).ToArray();

    /// <summary>Makes sure the application for <paramref name="clientId"/> exists and is current; null, or why not.</summary>
    public async Task<string?> EnsureRegisteredAsync(string clientId, IOpenIddictApplicationManager manager, CancellationToken cancellationToken)
    {
        if (ClientIdUrl.Check(clientId, environment.IsDevelopment(), out var problem) is not { } url)
            return $"The client_id '{clientId}' cannot be used as a client metadata document URL: it {problem}.";
        if (IsFresh(clientId)) return null;

        // One fetch per client at a time, so parallel requests neither fetch twice nor create the application twice.
        var gate = _locks[(uint)StringComparer.Ordinal.GetHashCode(clientId) % (uint)_locks.Length];
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (IsFresh(clientId)) return null;
            ClientMetadataResult result;
            TimeSpan cacheFor;
            try
            {
                var (body, duration) = await fetcher.FetchAsync(url, cancellationToken);
                cacheFor = duration;
                result = Parse(clientId, body);
            }
            catch (MetadataDocumentException e)
            {
                logger.LogInformation("Client metadata document {Url} refused: {Reason}", clientId, e.Message);
                return $"The client metadata document at '{clientId}' could not be used: {e.Message}.";
            }
            if (result.Metadata is not { } metadata)
            {
                logger.LogInformation("Client metadata document {Url} refused: {Reason}", clientId, result.ErrorDescription);
                return $"The client metadata document at '{clientId}' could not be used: {result.ErrorDescription}.";
            }

            var descriptor = applications.Describe(clientId, metadata);
            var existing = await manager.FindByClientIdAsync(clientId, cancellationToken);
            if (existing is null) await manager.CreateAsync(descriptor, cancellationToken);
            else await manager.UpdateAsync(existing, descriptor, cancellationToken);
            _freshUntil[clientId] = time.GetUtcNow() + cacheFor;
            return null;
        }
        finally
        {
            gate.Release();
        }
    }

    private bool IsFresh(string clientId) => _freshUntil.TryGetValue(clientId, out var until) && until > time.GetUtcNow();

    private ClientMetadataResult Parse(string clientId, byte[] body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException e)
        {
            throw new MetadataDocumentException("it is not valid JSON (" + e.Message + ")");
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new MetadataDocumentException("it is not a JSON object");
            if (!root.TryGetProperty("client_id", out var id) || id.ValueKind != JsonValueKind.String)
                throw new MetadataDocumentException("it has no client_id");
            if (!string.Equals(id.GetString(), clientId, StringComparison.Ordinal))
                throw new MetadataDocumentException($"its client_id '{id.GetString()}' is not the document's URL");
            return parser.Parse(root);
        }
    }
}
