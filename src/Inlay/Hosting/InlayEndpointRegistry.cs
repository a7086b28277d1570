namespace Inlay;

/// <summary>The paths <c>MapInlay</c> mapped, for the start-up log.</summary>
internal sealed class InlayEndpointRegistry
{
    private readonly List<string> _mcpPaths = [];

    public IReadOnlyList<string> McpPaths => _mcpPaths;

    public void AddMcpPath(string path) => _mcpPaths.Add(path);
}
