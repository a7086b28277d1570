using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Inlay;

/// <summary>Reads <see cref="ClientHints"/> from a tool call.</summary>
public static class ClientHintsExtensions
{
    /// <summary>The client hints of this tool call.</summary>
    /// <param name="request">The tool call.</param>
    public static ClientHints GetClientHints(this RequestContext<CallToolRequestParams> request) => ClientHints.From(request);
}
