using System.Diagnostics.CodeAnalysis;

namespace AuthServer.Clients;

/// <summary>
/// Parses a URL that names its scheme. <see cref="Uri.TryCreate(string, UriKind, out Uri)"/> alone also accepts a bare
/// path such as <c>/cb</c> on Unix, as an implicit file URI.
/// </summary>
public static class AbsoluteUrl
{
    public static bool TryParse(string value, [NotNullWhen(true)] out Uri? uri)
    {
        if (Uri.TryCreate(value, UriKind.Absolute, out uri) && value.StartsWith(uri.Scheme + ":", StringComparison.OrdinalIgnoreCase)) return true;
        uri = null;
        return false;
    }
}
