namespace Inlay;

/// <summary>
/// The hosts Inlay targets, as data: ChatGPT, Claude and any other MCP Apps host. Each fact carries its source in
/// <see cref="HostProfile.Sources"/>; <c>docs/hosts.md</c> shows the same table. <see cref="ToJson"/> writes the
/// profiles and <see cref="HostRules"/> for tools outside .NET (the dev host, audits).
/// </summary>
public static class HostProfiles
{
    private const string OpenAiReference = "OpenAI Apps SDK reference, developers.openai.com/apps-sdk/reference";
    private const string OpenAiMcpApps = "OpenAI, MCP Apps in ChatGPT, developers.openai.com/apps-sdk/mcp-apps-in-chatgpt";
    private const string McpAppsSpec = "MCP Apps specification 2026-01-26 (github.com/modelcontextprotocol/ext-apps, specification/2026-01-26/apps.mdx)";
    private const string ClaudeGettingStarted = "Claude docs, Get started with MCP Apps, claude.com/docs/connectors/building/mcp-apps/getting-started#set-ui-domain-for-claude";

    /// <summary>ChatGPT: reads both dialects, renders both MIME types, offers <c>window.openai</c> beside the <c>ui/*</c> bridge.</summary>
    public static HostProfile ChatGpt { get; } = new()
    {
        Id = HostIds.ChatGpt,
        Name = "ChatGPT",
        Identification = new HostIdentification
        {
            UserAgentTokens = ["openai-mcp"],
            ClientInfoNames = ["openai-mcp"],
            RequestMetaPrefixes = ["openai/"],
        },
        ToolMetaKeys =
        [
            "ui.resourceUri", "ui.visibility", "openai/outputTemplate", "openai/widgetAccessible", "openai/visibility",
            "openai/toolInvocation/invoking", "openai/toolInvocation/invoked", "openai/fileParams", "securitySchemes",
        ],
        ResourceMetaKeys =
        [
            "ui.csp", "ui.prefersBorder", "ui.domain", "openai/widgetCSP", "openai/widgetPrefersBorder",
            "openai/widgetDescription", "openai/widgetDomain",
        ],
        MimeTypes = [WidgetMimeTypes.McpApp, WidgetMimeTypes.Skybridge],
        DomainRule = HostDomainRule.AppOrigin,
        CspDomains = HostCspHandling.Applied,
        FrameDomains = HostCspHandling.Applied,
        DisplayModes = WidgetDisplayModes.All,
        SendsToolInputPartial = null,
        CachesTemplatesByUri = true,
        OpenAiMethods =
        [
            "callTool", "sendFollowUpMessage", "openExternal", "requestDisplayMode", "requestModal", "requestClose",
            "notifyIntrinsicHeight", "setWidgetState", "uploadFile", "selectFiles", "getFileDownloadUrl",
            "setOpenInAppUrl", "requestCheckout",
        ],
        SandboxOrigins = ["https://*.web-sandbox.oaiusercontent.com"],
        Sources = new Dictionary<string, string>
        {
            ["identification"] = "request _meta openai/locale, openai/userAgent…: " + OpenAiReference
                + "; User-Agent openai-mcp/1.0.0 and clientInfo {name: openai-mcp}: third-party observations only (server logs published on GitHub), unconfirmed by OpenAI",
            ["toolMetaKeys"] = OpenAiReference,
            ["resourceMetaKeys"] = OpenAiReference + " (ui.permissions and ui.csp.baseUriDomains: unconfirmed)",
            ["mimeTypes"] = OpenAiReference + "; " + OpenAiMcpApps,
            ["domainRule"] = OpenAiReference + ": ui.domain / openai/widgetDomain is an origin such as https://myapp.example.com, required to submit an app",
            ["cspDomains"] = OpenAiReference,
            ["frameDomains"] = OpenAiReference + ": frameDomains opts into nested iframes (and a stricter review)",
            ["displayModes"] = OpenAiReference + ": requestDisplayMode inline, pip, fullscreen; on mobile pip becomes fullscreen",
            ["sendsToolInputPartial"] = "unconfirmed: OpenAI documents ui/notifications/tool-input and tool-result, not tool-input-partial (" + OpenAiMcpApps + ")",
            ["cachesTemplatesByUri"] = "OpenAI, Build your MCP server: treat the ui:// URI as the cache key and version it; lifetime reported as up to an hour, later about 30 minutes (third-party: alpic-ai/skybridge release v1.1.1)",
            ["openAiMethods"] = OpenAiReference + "; requestCheckout: " + OpenAiMcpApps,
            ["sandboxOrigins"] = OpenAiReference + ": default sandbox https://web-sandbox.oaiusercontent.com; per-app subdomains observed by third parties",
        },
    };

    /// <summary>Claude: an MCP Apps host that checks <c>ui.domain</c> against its own hashed form.</summary>
    public static HostProfile Claude { get; } = new()
    {
        Id = HostIds.Claude,
        Name = "Claude",
        Identification = new HostIdentification
        {
            UserAgentTokens = ["Claude-User"],
            ClientInfoNames = ["claude-ai"],
        },
        ToolMetaKeys = ["ui.resourceUri", "ui/resourceUri", "ui.visibility"],
        ResourceMetaKeys = ["ui.csp", "ui.prefersBorder", "ui.domain"],
        MimeTypes = [WidgetMimeTypes.McpApp],
        DomainRule = HostDomainRule.ClaudeEndpointHash,
        CspDomains = HostCspHandling.Disputed,
        FrameDomains = HostCspHandling.Ignored,
        DisplayModes = WidgetDisplayModes.Inline | WidgetDisplayModes.Fullscreen,
        SendsToolInputPartial = null,
        CachesTemplatesByUri = null,
        OpenAiMethods = [],
        SandboxOrigins = ["https://*.claudemcpcontent.com"],
        Sources = new Dictionary<string, string>
        {
            ["identification"] = "User-Agent Claude-User: github.com/alpic-ai/skybridge/pull/397 (third-party); clientInfo {name: claude-ai}: Claude Desktop's initialize in github.com/modelcontextprotocol/typescript-sdk/issues/179 (2025, third-party log); neither documented by Anthropic",
            ["toolMetaKeys"] = "ui.resourceUri and ui.visibility: Anthropic's build-mcp-app skill (anthropics/claude-plugins-official); the flat ui/resourceUri: reported by third parties as needed, unconfirmed by Anthropic",
            ["resourceMetaKeys"] = "Anthropic's build-mcp-app skill; ui.domain: " + ClaudeGettingStarted + " (ui.permissions: unconfirmed)",
            ["mimeTypes"] = McpAppsSpec + " (Claude renders MCP Apps only)",
            ["domainRule"] = ClaudeGettingStarted + " (sha256 of https://example.com/mcp gives c3d80a4ed901ee05b21755a88273b4a4.claudemcpcontent.com); \"Invalid ui.domain format\": github.com/alpic-ai/skybridge/issues/395, github.com/Doist/todoist-mcp/issues/432",
            ["cspDomains"] = "disputed: Claude docs (transparent theming) say resourceDomains adds its origins to script-src and style-src; github.com/anthropics/claude-ai-mcp/issues/40 (open, reports to 2026-07) and #54 say resourceDomains and connectDomains were not applied, inlined scripts worked",
            ["frameDomains"] = "Anthropic's build-mcp-app skill: frameDomains is currently restricted in Claude; github.com/anthropics/claude-ai-mcp/issues/40, github.com/anthropics/claude-code/issues/59351",
            ["displayModes"] = "github.com/anthropics/claude-ai-mcp/issues/60: ui/request-display-mode with pip answers {mode: inline}; Claude docs (design guidelines) describe inline and fullscreen",
            ["sendsToolInputPartial"] = "unconfirmed",
            ["cachesTemplatesByUri"] = "unconfirmed",
            ["openAiMethods"] = "Claude has no window.openai (" + McpAppsSpec + " bridge only)",
            ["sandboxOrigins"] = ClaudeGettingStarted + "; Claude docs, instance supersession: widget frames are served from *.claudemcpcontent.com",
        },
    };

    /// <summary>Any other MCP Apps host (VS Code, Goose, MCPJam, a host built on the ext-apps <c>AppBridge</c>): the standard, as written.</summary>
    public static HostProfile McpApps { get; } = new()
    {
        Id = HostIds.McpApps,
        Name = "MCP Apps host",
        Identification = new HostIdentification
        {
            CapabilityExtensions = [ClientHints.McpAppsExtensionId],
        },
        ToolMetaKeys = ["ui.resourceUri", "ui/resourceUri", "ui.visibility"],
        ResourceMetaKeys = ["ui.csp", "ui.permissions", "ui.domain", "ui.prefersBorder"],
        MimeTypes = [WidgetMimeTypes.McpApp],
        DomainRule = HostDomainRule.Declared,
        CspDomains = HostCspHandling.Applied,
        FrameDomains = HostCspHandling.Applied,
        DisplayModes = WidgetDisplayModes.All,
        SendsToolInputPartial = null,
        CachesTemplatesByUri = null,
        OpenAiMethods = [],
        SandboxOrigins = [],
        Sources = new Dictionary<string, string>
        {
            ["identification"] = McpAppsSpec + ": capabilities.extensions[\"io.modelcontextprotocol/ui\"]; any client not identified as another host is treated as this one",
            ["toolMetaKeys"] = McpAppsSpec + "; hosts read ui.resourceUri, then the deprecated ui/resourceUri (@modelcontextprotocol/ext-apps 2.0.4 constants)",
            ["resourceMetaKeys"] = McpAppsSpec,
            ["mimeTypes"] = McpAppsSpec,
            ["domainRule"] = McpAppsSpec + ": the format of ui.domain is host-dependent (github.com/modelcontextprotocol/ext-apps/pull/309)",
            ["cspDomains"] = McpAppsSpec + ": hosts MUST build the CSP from the declared domains",
            ["frameDomains"] = McpAppsSpec,
            ["displayModes"] = McpAppsSpec + ": the modes a host may grant; each host names its own in hostContext.availableDisplayModes",
            ["sendsToolInputPartial"] = "host-dependent: optional in " + McpAppsSpec + "; the ext-apps AppBridge can send it (sendToolInputPartial)",
            ["cachesTemplatesByUri"] = "host-dependent: hosts MAY prefetch and cache (" + McpAppsSpec + ")",
            ["openAiMethods"] = McpAppsSpec + " (ui/* bridge only)",
            ["sandboxOrigins"] = "host-dependent",
        },
    };

    /// <summary>Every profile: ChatGPT, Claude, then the generic MCP Apps host.</summary>
    public static IReadOnlyList<HostProfile> All { get; } = [ChatGpt, Claude, McpApps];

    /// <summary>The profile with this id (ignoring case), or <see langword="null"/>.</summary>
    /// <param name="id">A host id such as <c>claude</c>.</param>
    public static HostProfile? Find(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        foreach (var profile in All)
        {
            if (string.Equals(profile.Id, id.Trim(), StringComparison.OrdinalIgnoreCase)) return profile;
        }
        return null;
    }

    /// <summary>
    /// The profiles and the rules as one JSON document, <c>{"hosts": […], "rules": […]}</c>, for the dev host and
    /// tools that do not run .NET. Property names are camelCase; enums are camelCase strings.
    /// </summary>
    /// <param name="indented">Whether to indent the JSON.</param>
    public static string ToJson(bool indented = true) => HostProfileJson.Write(All, HostRules.All, indented);
}
