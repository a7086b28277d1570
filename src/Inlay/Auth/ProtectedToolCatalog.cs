using ModelContextProtocol.Server;

namespace Inlay;

/// <summary>Each tool's authorization by name, computed once, or empty when no tool is protected.</summary>
internal sealed class ProtectedToolCatalog(IEnumerable<McpServerTool> tools)
{
    private readonly Lazy<IReadOnlyDictionary<string, ToolAuthorization>> _byName = new(() =>
    {
        var all = new Dictionary<string, ToolAuthorization>(StringComparer.Ordinal);
        foreach (var tool in tools) all.TryAdd(tool.ProtocolTool.Name, ToolAuthorization.For(tool));
        return all.Values.Any(a => a.IsProtected) ? all : new Dictionary<string, ToolAuthorization>();
    });

    public IReadOnlyDictionary<string, ToolAuthorization> ByName => _byName.Value;
}
