namespace Inlay.Testing;

/// <summary>Which host the dev host plays.</summary>
public enum DevHostMode
{
    /// <summary>A plain MCP Apps host: the <c>ui/*</c> bridge only.</summary>
    McpApps,

    /// <summary>ChatGPT: the <c>ui/*</c> bridge plus <c>window.openai</c>, rendering <c>openai/outputTemplate</c>.</summary>
    ChatGpt,
}
