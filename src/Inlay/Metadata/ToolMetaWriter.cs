using System.Text.Json.Nodes;

namespace Inlay;

/// <summary>Writes a widget tool's <c>_meta</c> in both dialects from one declaration.</summary>
internal static class ToolMetaWriter
{
    /// <summary>
    /// Adds the widget keys to <paramref name="meta"/>. Keys the tool already set explicitly (for example with
    /// <c>[McpMeta]</c>) are kept.
    /// </summary>
    /// <param name="meta">The tool's own <c>_meta</c>, changed in place; a new object when <see langword="null"/>.</param>
    /// <param name="tool">How the tool shows its widget.</param>
    /// <param name="serving">The widget's resources, when it is declared.</param>
    /// <param name="version">The widget's content version, added to both template URIs (<see cref="VersionedUri"/>); <see langword="null"/> for none.</param>
    public static JsonObject Write(JsonObject? meta, WidgetToolOptions tool, WidgetServing? serving, string? version = null)
    {
        meta ??= [];
        var resourceUri = VersionedUri.Of(serving?.McpAppsUri ?? tool.WidgetUri, version);
        var templateUri = VersionedUri.Of(serving?.SkybridgeUri ?? tool.WidgetUri, version);

        if (meta["ui"] is not JsonObject ui)
        {
            ui = [];
            meta["ui"] = ui;
        }
        if (!ui.ContainsKey("resourceUri")) ui["resourceUri"] = resourceUri;
        if (!ui.ContainsKey("visibility")) ui["visibility"] = VisibilityArray(tool.Visibility);

        TryAdd(meta, "ui/resourceUri", resourceUri);
        TryAdd(meta, "openai/outputTemplate", templateUri);
        if (tool.Invoking is not null) TryAdd(meta, "openai/toolInvocation/invoking", tool.Invoking);
        if (tool.Invoked is not null) TryAdd(meta, "openai/toolInvocation/invoked", tool.Invoked);
        TryAdd(meta, "openai/widgetAccessible", tool.Visibility.HasFlag(ToolVisibility.App));
        TryAdd(meta, "openai/visibility", tool.Visibility.HasFlag(ToolVisibility.Model) ? "public" : "private");
        return meta;
    }

    private static JsonArray VisibilityArray(ToolVisibility visibility)
    {
        var array = new JsonArray();
        if (visibility.HasFlag(ToolVisibility.Model)) array.Add((JsonNode)"model");
        if (visibility.HasFlag(ToolVisibility.App)) array.Add((JsonNode)"app");
        return array;
    }

    private static void TryAdd(JsonObject meta, string key, JsonNode? value)
    {
        if (!meta.ContainsKey(key)) meta[key] = value;
    }
}
