using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ModelContextProtocol;

namespace Inlay;

/// <summary>Serializer options for tools whose types come from the app's source-generated JSON context.</summary>
public static class InlayJson
{
    /// <summary>
    /// Options that know the app's types (from <paramref name="appTypes"/>, usually a <c>JsonSerializerContext</c>)
    /// and every MCP protocol type, for <c>WithWidgetTools&lt;T&gt;(options)</c>. Native AOT needs this: without it
    /// the app's parameter and result types have no serializer metadata and the server stops at start-up.
    /// </summary>
    /// <param name="appTypes">The app's type metadata, such as <c>AppJsonContext.Default</c>.</param>
    public static JsonSerializerOptions CreateOptions(IJsonTypeInfoResolver appTypes)
    {
        ArgumentNullException.ThrowIfNull(appTypes);
        var options = new JsonSerializerOptions(McpJsonUtilities.DefaultOptions);
        options.TypeInfoResolverChain.Insert(0, appTypes);
        options.MakeReadOnly();
        return options;
    }
}
