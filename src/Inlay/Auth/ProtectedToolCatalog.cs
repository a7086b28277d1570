using ModelContextProtocol.Server;

namespace Inlay;

/// <summary>
/// Each tool's authorization by name, computed once: its own attributes plus the scopes the whole server requires.
/// <see cref="ByName"/> is empty when no tool is protected, so apps without sign-in pay one count check per message.
/// </summary>
internal sealed class ProtectedToolCatalog
{
    private readonly Lazy<IReadOnlyDictionary<string, ToolAuthorization>> _byName;
    private readonly IReadOnlyList<string> _serverScopes;

    public ProtectedToolCatalog(IEnumerable<McpServerTool> tools, IEnumerable<ServerToolScopes> serverScopes)
    {
        _serverScopes = serverScopes.SelectMany(s => s.Scopes).Distinct(StringComparer.Ordinal).ToArray();
        _byName = new(() =>
        {
            var all = new Dictionary<string, ToolAuthorization>(StringComparer.Ordinal);
            foreach (var tool in tools) all.TryAdd(tool.ProtocolTool.Name, For(tool));
            return all.Values.Any(a => a.IsProtected) ? all : new Dictionary<string, ToolAuthorization>();
        });
    }

    public IReadOnlyDictionary<string, ToolAuthorization> ByName => _byName.Value;

    /// <summary>Every scope some tool requires, for the protected-resource metadata and the HTTP challenge.</summary>
    public IReadOnlyList<string> AllScopes => ByName.Values.SelectMany(a => a.Scopes).Distinct(StringComparer.Ordinal).ToArray();

    /// <summary>What <paramref name="tool"/> requires of its caller.</summary>
    public ToolAuthorization For(McpServerTool tool) => ToolAuthorization.For(tool).WithScopes(_serverScopes);
}
