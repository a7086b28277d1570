namespace Inlay.DevHost;

/// <summary>What the dev host page reads first (<c>/_inlay/devhost.json</c>): the MCP endpoint to connect to and the sandbox page to frame widgets in.</summary>
/// <param name="McpUrl">The MCP endpoint's path, such as <c>/mcp</c>.</param>
/// <param name="SandboxUrl">The sandbox proxy page on the sandbox origin.</param>
/// <param name="AppName">The app's name, for the page's title.</param>
internal sealed record DevHostConfig(string McpUrl, string SandboxUrl, string AppName);
