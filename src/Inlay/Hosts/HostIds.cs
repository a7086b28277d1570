namespace Inlay;

/// <summary>The ids of the hosts Inlay knows, as <c>Inlay:Hosts</c> and <see cref="HostProfile.Id"/> name them.</summary>
public static class HostIds
{
    /// <summary>ChatGPT (OpenAI Apps SDK, and MCP Apps).</summary>
    public const string ChatGpt = "chatgpt";

    /// <summary>Claude (claude.ai, Claude Desktop and the Claude mobile apps).</summary>
    public const string Claude = "claude";

    /// <summary>Any other MCP Apps host, such as one built on the ext-apps <c>AppBridge</c>.</summary>
    public const string McpApps = "mcp-apps";
}
