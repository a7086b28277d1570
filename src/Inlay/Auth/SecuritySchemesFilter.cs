using System.Text.Json.Nodes;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Inlay;

/// <summary>
/// When any tool is protected, adds every tool's <c>securitySchemes</c> to <c>tools/list</c> (oauth2 with its scopes,
/// or noauth), at the tool's top level, where ChatGPT reads it (the SDK's Tool type has no such field), and in its
/// <c>_meta</c>, for clients that read only that. Apps without protected tools pay one dictionary check per message.
/// </summary>
internal static class SecuritySchemesFilter
{
    public static McpMessageHandler Create(McpMessageHandler next) => (context, cancellationToken) =>
    {
        if (context.JsonRpcMessage is JsonRpcResponse { Result: JsonObject result } && result["tools"] is JsonArray tools
            && context.Services?.GetService(typeof(ProtectedToolCatalog)) is ProtectedToolCatalog catalog)
            AddSchemes(tools, catalog.ByName);
        return next(context, cancellationToken);
    };

    private static void AddSchemes(JsonArray tools, IReadOnlyDictionary<string, ToolAuthorization> protectedTools)
    {
        if (protectedTools.Count == 0) return;
        {
            foreach (var tool in tools.OfType<JsonObject>())
            {
                if (tool["name"] is not JsonValue name || !name.TryGetValue(out string? toolName)) continue;
                if (!protectedTools.TryGetValue(toolName, out var requirement)) continue;
                var schemes = requirement.SecuritySchemes();
                tool["securitySchemes"] = schemes;
                if (tool["_meta"] is not JsonObject meta) tool["_meta"] = meta = [];
                meta["securitySchemes"] = schemes.DeepClone();
            }
        }
    }
}
