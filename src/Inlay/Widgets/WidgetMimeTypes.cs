namespace Inlay;

/// <summary>MIME types of widget resources.</summary>
public static class WidgetMimeTypes
{
    /// <summary>The MCP Apps resource MIME type.</summary>
    public const string McpApp = "text/html;profile=mcp-app";

    /// <summary>The OpenAI Apps SDK (Skybridge) resource MIME type.</summary>
    public const string Skybridge = "text/html+skybridge";
}
