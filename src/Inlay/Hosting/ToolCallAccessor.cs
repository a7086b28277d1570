using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Inlay;

/// <summary>The tool call a request scope is serving, so scoped services such as <see cref="ClientHints"/> can read it.</summary>
internal sealed class ToolCallAccessor
{
    public RequestContext<CallToolRequestParams>? Request { get; set; }
}
