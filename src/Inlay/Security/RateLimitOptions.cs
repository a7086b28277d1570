namespace Inlay;

/// <summary>
/// Per-client limits on the MCP endpoint (fixed window). A client is the signed-in subject when there is one, otherwise
/// the remote address. Off until <see cref="PermitLimit"/> is set.
/// </summary>
public sealed class RateLimitOptions
{
    /// <summary>Requests a client may make per window; 0 turns rate limiting off.</summary>
    public int PermitLimit { get; set; }

    /// <summary>The window length. Defaults to one minute.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}
