namespace Inlay;

/// <summary>
/// What one host does with an MCP app's tools and widgets: which metadata keys and MIME types it reads, how it
/// identifies itself, the <c>ui.domain</c> it accepts, what it does with CSP origins, which display modes it grants,
/// which bridge messages and <c>window.openai</c> methods a widget gets there. <see cref="Sources"/> says where each
/// fact comes from, or that it is unconfirmed. The wire writer, start-up validation and the dev host read the same
/// profiles (<see cref="HostProfiles"/>).
/// </summary>
public sealed class HostProfile
{
    /// <summary>The host's id, as <c>Inlay:Hosts</c> names it (<see cref="HostIds"/>).</summary>
    public required string Id { get; init; }

    /// <summary>The host's name for people, such as <c>Claude</c>.</summary>
    public required string Name { get; init; }

    /// <summary>How the host identifies itself on a request.</summary>
    public required HostIdentification Identification { get; init; }

    /// <summary>The tool <c>_meta</c> keys the host reads (a dot is a nested key: <c>ui.resourceUri</c>).</summary>
    public required IReadOnlyList<string> ToolMetaKeys { get; init; }

    /// <summary>The <c>resources/read</c> content <c>_meta</c> keys the host reads.</summary>
    public required IReadOnlyList<string> ResourceMetaKeys { get; init; }

    /// <summary>The widget MIME types the host renders.</summary>
    public required IReadOnlyList<string> MimeTypes { get; init; }

    /// <summary>What the host accepts in <c>ui.domain</c>.</summary>
    public required HostDomainRule DomainRule { get; init; }

    /// <summary>What the host does with declared connect, resource and base-URI origins.</summary>
    public required HostCspHandling CspDomains { get; init; }

    /// <summary>What the host does with declared frame origins (nested iframes).</summary>
    public required HostCspHandling FrameDomains { get; init; }

    /// <summary>The display modes the host grants a widget.</summary>
    public required WidgetDisplayModes DisplayModes { get; init; }

    /// <summary>
    /// Whether the host streams the arguments while the model writes them (<c>ui/notifications/tool-input-partial</c>);
    /// <see langword="null"/> when unconfirmed.
    /// </summary>
    public required bool? SendsToolInputPartial { get; init; }

    /// <summary>Whether the host caches widget templates by URI, so a changed widget needs a new URI; <see langword="null"/> when unconfirmed.</summary>
    public required bool? CachesTemplatesByUri { get; init; }

    /// <summary>The <c>window.openai</c> methods a widget can call in this host; empty when the host has no <c>window.openai</c>.</summary>
    public required IReadOnlyList<string> OpenAiMethods { get; init; }

    /// <summary>The origins the host serves widget frames from (wildcards as CORS and CSP write them); empty when unknown.</summary>
    public required IReadOnlyList<string> SandboxOrigins { get; init; }

    /// <summary>
    /// Where each fact comes from, keyed by the fact's name as <see cref="HostProfiles.ToJson"/> writes it
    /// (<c>domainRule</c>, <c>mimeTypes</c>…); a source that starts with <c>unconfirmed</c> is a hint, not a fact.
    /// </summary>
    public required IReadOnlyDictionary<string, string> Sources { get; init; }

    /// <inheritdoc />
    public override string ToString() => Id;
}
