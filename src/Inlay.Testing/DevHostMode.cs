namespace Inlay.Testing;

/// <summary>Which host the dev host plays: one of its host profiles (<c>HostProfiles</c>, served at <c>/_inlay/hosts.json</c>).</summary>
public enum DevHostMode
{
    /// <summary>A generic MCP Apps host (<c>mcp-apps</c>): the <c>ui/*</c> bridge only, every declared CSP origin applied.</summary>
    McpApps,

    /// <summary>ChatGPT (<c>chatgpt</c>): the <c>ui/*</c> bridge plus <c>window.openai</c>, rendering <c>openai/outputTemplate</c>; sends only its theme, no style variables.</summary>
    ChatGpt,

    /// <summary>
    /// Claude (<c>claude</c>): the <c>ui/*</c> bridge only; a declared <c>ui.domain</c> other than its hash of the MCP
    /// endpoint URL is refused, declared frame origins are not applied (nor, read strictly, the other declared origins),
    /// and pip is not granted.
    /// </summary>
    Claude,
}
