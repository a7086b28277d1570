using AuthServer.Clients;

namespace AuthServer.MetadataDocuments;

/// <summary>
/// When a client_id is a URL naming a Client ID Metadata Document, and whether that URL is one this server may fetch:
/// https with a path, no fragment, no credentials, no dot segments; in Development also http on loopback.
/// </summary>
public static class ClientIdUrl
{
    public const int MaxLength = 1000;

    /// <summary>Whether <paramref name="clientId"/> is meant as a metadata document URL at all (and not a registered id).</summary>
    public static bool LooksLikeUrl(string? clientId) =>
        clientId is not null
        && (clientId.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || clientId.StartsWith("http://", StringComparison.OrdinalIgnoreCase));

    /// <summary>The URL to fetch, or null with the reason in <paramref name="problem"/>.</summary>
    public static Uri? Check(string clientId, bool isDevelopment, out string? problem)
    {
        problem = null;
        if (clientId.Length > MaxLength) problem = $"is longer than {MaxLength} characters";
        else if (!AbsoluteUrl.TryParse(clientId, out var uri)) problem = "is not an absolute URL";
        else if (clientId.Contains('#')) problem = "has a fragment";
        else if (!string.IsNullOrEmpty(uri.UserInfo)) problem = "carries user information";
        else if (uri.AbsolutePath is "" or "/") problem = "has no path";
        else if (HasDotSegment(clientId)) problem = "has '.' or '..' path segments";
        else if (uri.Scheme == Uri.UriSchemeHttps) return uri;
        else if (uri.Scheme == Uri.UriSchemeHttp && isDevelopment && LoopbackHost.Is(uri)) return uri;
        else problem = "must use https";
        return null;
    }

    private static bool HasDotSegment(string url)
    {
        var path = url.Split('?')[0];
        var start = path.IndexOf("//", StringComparison.Ordinal) + 2;
        var slash = path.IndexOf('/', start);
        if (slash < 0) return false;
        return path[slash..].Split('/').Any(segment => segment is "." or "..");
    }
}
