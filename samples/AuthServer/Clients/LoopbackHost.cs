using System.Net;

namespace AuthServer.Clients;

/// <summary>Whether a URL points at this machine by name or address (localhost, 127.0.0.0/8, [::1]).</summary>
public static class LoopbackHost
{
    public static bool Is(Uri uri) =>
        string.Equals(uri.IdnHost, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(uri.IdnHost, out var address) && IPAddress.IsLoopback(address));
}
