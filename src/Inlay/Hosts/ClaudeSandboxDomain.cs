using System.Security.Cryptography;
using System.Text;

namespace Inlay;

/// <summary>
/// The <c>ui.domain</c> Claude accepts: the first 32 hex digits of the SHA-256 of the MCP endpoint URL exactly as the
/// connector was configured, then <c>.claudemcpcontent.com</c>. <c>https://example.com/mcp</c> gives
/// <c>c3d80a4ed901ee05b21755a88273b4a4.claudemcpcontent.com</c> (Claude's docs). A trailing slash or another spelling of
/// the host gives another hash.
/// </summary>
internal static class ClaudeSandboxDomain
{
    public const string Suffix = ".claudemcpcontent.com";

    /// <summary>The domain for the MCP endpoint at <paramref name="endpointUrl"/>.</summary>
    public static string For(string endpointUrl)
    {
        ArgumentNullException.ThrowIfNull(endpointUrl);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        var length = Encoding.UTF8.GetMaxByteCount(endpointUrl.Length);
        if (length <= 1024)
        {
            Span<byte> utf8 = stackalloc byte[length];
            SHA256.HashData(utf8[..Encoding.UTF8.GetBytes(endpointUrl, utf8)], hash);
        }
        else
        {
            SHA256.HashData(Encoding.UTF8.GetBytes(endpointUrl), hash);
        }
        // 16 bytes are the first 32 hex digits.
        return string.Concat(Convert.ToHexStringLower(hash[..16]), Suffix);
    }

    /// <summary>Whether a declared domain is in Claude's form (with or without a scheme).</summary>
    public static bool IsClaudeForm(string domain)
    {
        var host = Uri.TryCreate(domain, UriKind.Absolute, out var uri) ? uri.Host : domain;
        return host.EndsWith(Suffix, StringComparison.OrdinalIgnoreCase);
    }
}
