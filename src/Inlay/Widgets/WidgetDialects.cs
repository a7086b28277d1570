namespace Inlay;

/// <summary>
/// The resource dialects a widget is served in. MCP Apps hosts (and current ChatGPT) read
/// <c>text/html;profile=mcp-app</c>; older ChatGPT integrations read <c>text/html+skybridge</c>.
/// </summary>
[Flags]
public enum WidgetDialects
{
    /// <summary>The MCP Apps resource, MIME type <c>text/html;profile=mcp-app</c>.</summary>
    McpApps = 1,

    /// <summary>The OpenAI Apps SDK resource, MIME type <c>text/html+skybridge</c>.</summary>
    Skybridge = 2,

    /// <summary>Both resources: the MCP Apps one at the declared URI and a Skybridge twin beside it.</summary>
    Both = McpApps | Skybridge,
}
