namespace Inlay;

/// <summary>The paths <c>MapInlay</c> mapped, for the start-up log.</summary>
internal sealed class InlayEndpointRegistry
{
    private readonly List<string> _mcpPaths = [];
    private readonly List<string> _assetPaths = [];

    public IReadOnlyList<string> McpPaths => _mcpPaths;

    public IReadOnlyList<string> AssetPaths => _assetPaths;

    public void AddMcpPath(string path) => _mcpPaths.Add(path);

    public void AddAssetPaths(IEnumerable<string> paths) => _assetPaths.AddRange(paths);
}
