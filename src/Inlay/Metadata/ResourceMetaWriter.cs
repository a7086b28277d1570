using System.Text.Json.Nodes;

namespace Inlay;

/// <summary>Writes a widget resource's <c>_meta</c> in both dialects from one declaration.</summary>
internal static class ResourceMetaWriter
{
    /// <summary>
    /// The <c>_meta</c> of the <c>resources/read</c> content item, where hosts read the security metadata.
    /// <paramref name="assetOrigin"/> (the app's public origin) is added to the resource domains; <paramref name="pageOrigin"/>
    /// (the app's origin, for a widget that is a page of the app) to the connect and base-URI domains, since the page
    /// fetches from it and the bootstrap sets <c>&lt;base href&gt;</c> on it.
    /// </summary>
    public static JsonObject ForContents(WidgetDeclaration widget, string? assetOrigin, string? pageOrigin = null)
    {
        var csp = widget.Csp;
        var resourceDomains = WithOrigin(csp.ResourceDomains, assetOrigin);
        var connectDomains = WithOrigin(csp.ConnectDomains, pageOrigin);
        var baseUriDomains = WithOrigin(csp.BaseUriDomains, pageOrigin);

        var uiCsp = new JsonObject
        {
            ["connectDomains"] = Array(connectDomains),
            ["resourceDomains"] = Array(resourceDomains),
        };
        if (csp.FrameDomains.Count > 0) uiCsp["frameDomains"] = Array(csp.FrameDomains);
        if (baseUriDomains.Count > 0) uiCsp["baseUriDomains"] = Array(baseUriDomains);

        var ui = new JsonObject { ["csp"] = uiCsp };
        if (widget.PrefersBorder is { } border) ui["prefersBorder"] = border;
        if (widget.Permissions != WidgetPermissions.None) ui["permissions"] = Permissions(widget.Permissions);
        if (widget.Domain is not null) ui["domain"] = widget.Domain;

        var openAiCsp = new JsonObject
        {
            ["connect_domains"] = Array(connectDomains),
            ["resource_domains"] = Array(resourceDomains),
        };
        if (csp.FrameDomains.Count > 0) openAiCsp["frame_domains"] = Array(csp.FrameDomains);
        if (csp.RedirectDomains.Count > 0) openAiCsp["redirect_domains"] = Array(csp.RedirectDomains);

        var meta = new JsonObject { ["ui"] = ui, ["openai/widgetCSP"] = openAiCsp };
        AddOpenAiDescriptive(meta, widget);
        if (widget.Domain is not null) meta["openai/widgetDomain"] = widget.Domain;
        return meta;
    }

    /// <summary>
    /// A copy of a content item's <c>_meta</c> (from <see cref="ForContents"/>) whose <c>ui.domain</c> and
    /// <c>openai/widgetDomain</c> are <paramref name="domain"/>: the form the calling host accepts.
    /// </summary>
    public static JsonObject WithDomain(JsonObject contentsMeta, string domain)
    {
        var meta = (JsonObject)contentsMeta.DeepClone();
        if (meta["ui"] is JsonObject ui) ui["domain"] = domain;
        meta["openai/widgetDomain"] = domain;
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

    private static List<string> WithOrigin(List<string> declared, string? origin)
    {
        var domains = declared.ToList();
        if (origin is not null && !domains.Contains(origin, StringComparer.OrdinalIgnoreCase)) domains.Add(origin);
        return domains;
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
