namespace Inlay;

/// <summary>The paths <c>MapInlay</c> mapped, for the start-up log.</summary>
internal sealed class InlayEndpointRegistry
{
    private readonly List<string> _mcpPaths = [];
    private readonly List<string> _assetPaths = [];

    public IReadOnlyList<string> McpPaths => _mcpPaths;

    public IReadOnlyList<string> AssetPaths => _assetPaths;

    /// <summary>Where the dev host is served, when it is.</summary>
    public string? DevHostPath { get; set; }

    public void AddMcpPath(string path) => _mcpPaths.Add(path);

    public void AddAssetPaths(IEnumerable<string> paths) => _assetPaths.AddRange(paths);
}
