namespace AuthServer.Clients;

/// <summary>
/// Which redirect URIs a public client may register: absolute https URLs, or http on a loopback host (native apps and
/// local tools, RFC 8252), never with a fragment. OpenIddict then compares the request's redirect_uri to them exactly.
/// </summary>
public static class RedirectUriRules
{
    public const int MaxCount = 10;
    public const int MaxLength = 2000;

    /// <summary>Null when <paramref name="value"/> is acceptable, else why not.</summary>
    public static string? Check(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "a redirect URI is empty";
        if (value.Length > MaxLength) return $"a redirect URI is longer than {MaxLength} characters";
        if (!AbsoluteUrl.TryParse(value, out var uri)) return $"'{value}' is not an absolute URL";
        if (value.Contains('#')) return $"'{value}' has a fragment, which redirect URIs may not have";
        if (!string.IsNullOrEmpty(uri.UserInfo)) return $"'{value}' carries user information";
        if (uri.Scheme == Uri.UriSchemeHttps) return null;
        if (uri.Scheme == Uri.UriSchemeHttp)
            return LoopbackHost.Is(uri) ? null : $"'{value}' uses http on a host that is not loopback; use https";
        return $"'{value}' uses the scheme '{uri.Scheme}'; only https (or http on loopback) is allowed";
    }
}
