using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;

namespace AuthServer.MetadataDocuments;

/// <summary>
/// Fetches a Client ID Metadata Document with hard limits: a time limit for the whole exchange, a size limit, no
/// redirects, no proxy, and (outside Development) a connection only to public IP addresses. The address check is made
/// on the addresses actually connected to, inside the connection callback, so a DNS answer cannot change after it.
/// </summary>
public sealed class MetadataDocumentFetcher : IDisposable
{
    private readonly HttpClient _client;
    private readonly ClientMetadataOptions _options;

    public MetadataDocumentFetcher(AuthServerOptions options, IHostEnvironment environment)
    {
        _options = options.ClientMetadata;
        var onlyPublicAddresses = !environment.IsDevelopment();
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
            ConnectTimeout = _options.FetchTimeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectCallback = (context, cancellationToken) => ConnectAsync(context, onlyPublicAddresses, cancellationToken),
        };
        _client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        _client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        _client.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("Inlay-AuthServer", "1.0"));
    }

    /// <summary>The document's bytes and how long it may be cached; throws <see cref="MetadataDocumentException"/>.</summary>
    public async Task<(byte[] Body, TimeSpan CacheFor)> FetchAsync(Uri url, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.FetchTimeout);
        try
        {
            using var response = await _client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if ((int)response.StatusCode is >= 300 and < 400)
                throw new MetadataDocumentException($"it answered with a redirect ({(int)response.StatusCode}), which is not followed");
            if (response.StatusCode != HttpStatusCode.OK)
                throw new MetadataDocumentException($"it answered {(int)response.StatusCode} instead of 200");
            if (response.Content.Headers.ContentLength > _options.MaxDocumentBytes)
                throw TooLarge();

            await using var stream = await response.Content.ReadAsStreamAsync(timeout.Token);
            var buffer = new byte[_options.MaxDocumentBytes + 1];
            var length = 0;
            int read;
            while (length < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(length), timeout.Token)) > 0) length += read;
            if (length > _options.MaxDocumentBytes) throw TooLarge();
            return (buffer[..length], CacheDuration(response.Headers.CacheControl));
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new MetadataDocumentException($"it did not answer within {_options.FetchTimeout.TotalSeconds:0.#} seconds");
        }
        catch (HttpRequestException e) when (e.InnerException is MetadataDocumentException refused)
        {
            throw refused;
        }
        catch (HttpRequestException e)
        {
            throw new MetadataDocumentException("it could not be reached (" + e.Message + ")");
        }
    }

    private MetadataDocumentException TooLarge() => new($"it is larger than {_options.MaxDocumentBytes / 1024} KiB");

    private TimeSpan CacheDuration(CacheControlHeaderValue? cacheControl)
    {
        if (cacheControl is null) return _options.DefaultCacheDuration;
        if (cacheControl.NoStore || cacheControl.NoCache) return TimeSpan.Zero;
        if (cacheControl.MaxAge is not { } maxAge) return _options.DefaultCacheDuration;
        return maxAge < TimeSpan.Zero ? TimeSpan.Zero : maxAge > _options.MaxCacheDuration ? _options.MaxCacheDuration : maxAge;
    }

    private static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, bool onlyPublicAddresses, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
        if (onlyPublicAddresses)
        {
            addresses = addresses.Where(PublicAddress.Is).ToArray();
            if (addresses.Length == 0) throw new MetadataDocumentException($"its host '{host}' does not resolve to a public IP address");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public void Dispose() => _client.Dispose();
}

/// <summary>A metadata document that could not be fetched or used; the message completes "The client metadata document …".</summary>
public sealed class MetadataDocumentException(string message) : Exception(message);
