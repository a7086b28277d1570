namespace Inlay;

/// <summary>The rule for origins in CSP lists and sandbox domains: an https origin, no wildcard, no path.</summary>
internal static class OriginRule
{
    /// <summary>Why <paramref name="value"/> is not an acceptable origin, or <see langword="null"/> when it is.</summary>
    /// <param name="value">The entry.</param>
    /// <param name="allowLoopbackHttp">Whether <c>http://localhost</c> and other loopback http origins are allowed (Development).</param>
    public static string? Check(string value, bool allowLoopbackHttp)
    {
        if (string.IsNullOrWhiteSpace(value)) return "is empty";
        if (value.Contains('*')) return "contains a wildcard; list each origin explicitly";
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.IsFile) return "is not an absolute URL such as https://api.example.com";
        if (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp) return "is not an https origin such as https://api.example.com";
        if (uri.UserInfo.Length > 0 || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.AbsolutePath != "/")
            return "is not an origin: remove the path, query or credentials (use https://host[:port])";
        if (uri.Scheme == Uri.UriSchemeHttps) return null;
        if (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback)
            return allowLoopbackHttp ? null : "is a plain-http loopback origin, which is allowed only in Development";
        return "is not an https origin";
    }
}
