namespace Inlay;

/// <summary>How a host identifies itself on a request. Every signal is a hint a client may omit or invent: use it to shape the wire, never to authorize.</summary>
public sealed class HostIdentification
{
    /// <summary>Text the HTTP <c>User-Agent</c> of the host's MCP client contains (compared ignoring case).</summary>
    public IReadOnlyList<string> UserAgentTokens { get; init; } = [];

    /// <summary>The <c>clientInfo.name</c> the host sends in <c>initialize</c> (or per request, from MCP 2026-07-28 on).</summary>
    public IReadOnlyList<string> ClientInfoNames { get; init; } = [];

    /// <summary>Prefixes of request <c>_meta</c> keys only this host sends, such as <c>openai/</c>.</summary>
    public IReadOnlyList<string> RequestMetaPrefixes { get; init; } = [];

    /// <summary>Client capability extensions the host declares, such as <c>io.modelcontextprotocol/ui</c>.</summary>
    public IReadOnlyList<string> CapabilityExtensions { get; init; } = [];
}
