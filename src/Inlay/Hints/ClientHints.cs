using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Inlay;

/// <summary>
/// What the client says about its user and itself on a request: locale, user agent, coarse location, anonymous ids,
/// and whether it renders MCP Apps widgets. Every value is a hint a client may omit or invent: never use them for
/// authorization. Take a <see cref="ClientHints"/> parameter in a tool method, or call
/// <see cref="From(RequestContext{CallToolRequestParams})"/>.
/// </summary>
public sealed class ClientHints
{
    /// <summary>The MCP Apps extension id a client declares in its capabilities.</summary>
    public const string McpAppsExtensionId = "io.modelcontextprotocol/ui";

    private const string PerRequestCapabilitiesKey = "io.modelcontextprotocol/clientCapabilities";

    /// <summary>Hints from a request that carried none.</summary>
    public static ClientHints None { get; } = new();

    /// <summary>The requested locale, BCP 47 (<c>openai/locale</c>, or the older <c>webplus/i18n</c>).</summary>
    public string? Locale { get; private init; }

    /// <summary>The client's user agent (<c>openai/userAgent</c>).</summary>
    public string? UserAgent { get; private init; }

    /// <summary>The user's coarse location (<c>openai/userLocation</c>).</summary>
    public UserLocation? UserLocation { get; private init; }

    /// <summary>An anonymized user id (<c>openai/subject</c>), useful for rate limiting.</summary>
    public string? Subject { get; private init; }

    /// <summary>An anonymized conversation id (<c>openai/session</c>).</summary>
    public string? Session { get; private init; }

    /// <summary>An anonymized organization id (<c>openai/organization</c>).</summary>
    public string? Organization { get; private init; }

    /// <summary>
    /// Whether the client declared the MCP Apps extension, in <c>initialize</c> or in this request's
    /// <c>_meta["io.modelcontextprotocol/clientCapabilities"]</c>. A client that does not declare it may still render
    /// widgets (ChatGPT's declaration is not documented), so never hide widget tools on this alone.
    /// </summary>
    public bool SupportsMcpApps { get; private init; }

    /// <summary>The widget MIME types the client declared with the MCP Apps extension.</summary>
    public IReadOnlyList<string> McpAppsMimeTypes { get; private init; } = [];

    /// <summary>Reads the hints of a tool call.</summary>
    /// <param name="request">The tool call.</param>
    public static ClientHints From(RequestContext<CallToolRequestParams> request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return From(request.Params?.Meta, request.Server?.ClientCapabilities);
    }

    /// <summary>Reads hints from a request's <c>_meta</c> and the capabilities the client declared at initialize.</summary>
    /// <param name="meta">The request's <c>_meta</c>.</param>
    /// <param name="sessionCapabilities">The capabilities from <c>initialize</c>, when the session has them.</param>
    public static ClientHints From(JsonObject? meta, ClientCapabilities? sessionCapabilities)
    {
        var extension = PerRequestExtension(meta) ?? SessionExtension(sessionCapabilities);
        if (meta is null && extension is null) return None;
        return new ClientHints
        {
            Locale = String(meta, "openai/locale") ?? String(meta, "webplus/i18n"),
            UserAgent = String(meta, "openai/userAgent"),
            UserLocation = Location(meta?["openai/userLocation"] as JsonObject),
            Subject = String(meta, "openai/subject"),
            Session = String(meta, "openai/session"),
            Organization = String(meta, "openai/organization"),
            SupportsMcpApps = extension is not null,
            McpAppsMimeTypes = extension is null ? [] : MimeTypes(extension),
        };
    }

    private static JsonNode? PerRequestExtension(JsonObject? meta) =>
        meta?[PerRequestCapabilitiesKey]?["extensions"] is JsonObject extensions && extensions.TryGetPropertyValue(McpAppsExtensionId, out var value)
            ? value ?? new JsonObject()
            : null;

    private static JsonNode? SessionExtension(ClientCapabilities? capabilities)
    {
        if (capabilities?.Extensions is null || !capabilities.Extensions.TryGetValue(McpAppsExtensionId, out var value)) return null;
        return value switch
        {
            JsonNode node => node,
            JsonElement element => JsonNode.Parse(element.GetRawText()) ?? new JsonObject(),
            _ => new JsonObject(),
        };
    }

    private static string[] MimeTypes(JsonNode extension) =>
        extension["mimeTypes"] is JsonArray array
            ? [.. array.Select(item => item is JsonValue v && v.TryGetValue(out string? s) ? s : null).OfType<string>()]
            : [];

    private static UserLocation? Location(JsonObject? location) => location is null
        ? null
        : new UserLocation(
            String(location, "city"), String(location, "region"), String(location, "country"), String(location, "timezone"),
            Number(location, "latitude"), Number(location, "longitude"));

    private static string? String(JsonObject? obj, string key) =>
        obj?[key] is JsonValue value && value.TryGetValue(out string? text) ? text : null;

    private static double? Number(JsonObject obj, string key) =>
        obj[key] is JsonValue value && value.TryGetValue(out double number) ? number : null;
}
