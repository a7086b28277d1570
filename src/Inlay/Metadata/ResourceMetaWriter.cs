using System.Text.Json.Nodes;

namespace Inlay;

/// <summary>Writes a widget resource's <c>_meta</c> in both dialects from one declaration.</summary>
internal static class ResourceMetaWriter
{
    /// <summary>
    /// The <c>_meta</c> of the <c>resources/read</c> content item, where hosts read the security metadata.
    /// <paramref name="assetOrigin"/> (the app's public origin) is added to the resource domains.
    /// </summary>
    public static JsonObject ForContents(WidgetDeclaration widget, string? assetOrigin)
    {
        var csp = widget.Csp;
        var resourceDomains = csp.ResourceDomains.ToList();
        if (assetOrigin is not null && !resourceDomains.Contains(assetOrigin, StringComparer.OrdinalIgnoreCase))
            resourceDomains.Add(assetOrigin);

        var uiCsp = new JsonObject
        {
            ["connectDomains"] = Array(csp.ConnectDomains),
            ["resourceDomains"] = Array(resourceDomains),
        };
        if (csp.FrameDomains.Count > 0) uiCsp["frameDomains"] = Array(csp.FrameDomains);
        if (csp.BaseUriDomains.Count > 0) uiCsp["baseUriDomains"] = Array(csp.BaseUriDomains);

        var ui = new JsonObject { ["csp"] = uiCsp };
        if (widget.PrefersBorder is { } border) ui["prefersBorder"] = border;
        if (widget.Permissions != WidgetPermissions.None) ui["permissions"] = Permissions(widget.Permissions);
        if (widget.Domain is not null) ui["domain"] = widget.Domain;

        var openAiCsp = new JsonObject
        {
            ["connect_domains"] = Array(csp.ConnectDomains),
            ["resource_domains"] = Array(resourceDomains),
        };
        if (csp.FrameDomains.Count > 0) openAiCsp["frame_domains"] = Array(csp.FrameDomains);
        if (csp.RedirectDomains.Count > 0) openAiCsp["redirect_domains"] = Array(csp.RedirectDomains);

        var meta = new JsonObject { ["ui"] = ui, ["openai/widgetCSP"] = openAiCsp };
        AddOpenAiDescriptive(meta, widget);
        if (widget.Domain is not null) meta["openai/widgetDomain"] = widget.Domain;
        return meta;
    }

    /// <summary>The static <c>_meta</c> of the <c>resources/list</c> entry: presentation hints that do not depend on the request.</summary>
    public static JsonObject? ForListing(WidgetDeclaration widget)
    {
        var meta = new JsonObject();
        if (widget.PrefersBorder is { } border) meta["ui"] = new JsonObject { ["prefersBorder"] = border };
        AddOpenAiDescriptive(meta, widget);
        return meta.Count == 0 ? null : meta;
    }

    private static void AddOpenAiDescriptive(JsonObject meta, WidgetDeclaration widget)
    {
        if (widget.PrefersBorder is { } border) meta["openai/widgetPrefersBorder"] = border;
        if (widget.ModelDescription is not null) meta["openai/widgetDescription"] = widget.ModelDescription;
    }

    private static JsonObject Permissions(WidgetPermissions permissions)
    {
        var result = new JsonObject();
        if (permissions.HasFlag(WidgetPermissions.Camera)) result["camera"] = new JsonObject();
        if (permissions.HasFlag(WidgetPermissions.Microphone)) result["microphone"] = new JsonObject();
        if (permissions.HasFlag(WidgetPermissions.Geolocation)) result["geolocation"] = new JsonObject();
        if (permissions.HasFlag(WidgetPermissions.ClipboardWrite)) result["clipboardWrite"] = new JsonObject();
        return result;
    }

    private static JsonArray Array(IEnumerable<string> values)
    {
        var array = new JsonArray();
        foreach (var value in values) array.Add((JsonNode)value);
        return array;
    }
}
