namespace Inlay;

/// <summary>
/// Checks a widget declaration against the targeted host profiles (<see cref="HostRules"/>). Each finding is a
/// warning: the widget still works in the other hosts.
/// </summary>
internal static class HostCompatibility
{
    public static IEnumerable<HostFinding> Check(WidgetServing serving, IReadOnlyList<HostProfile> targets)
    {
        var widget = serving.Widget;
        var served = serving.Resources().Select(r => r.MimeType).ToList();
        // Dialects that serve nothing are a start-up error already.
        if (served.Count == 0) yield break;
        foreach (var host in targets)
        {
            if (!served.Any(host.MimeTypes.Contains))
                yield return new(HostRules.UnservedMimeType, host, widget.Uri,
                    $"it is served as {string.Join(" and ", served)}, and {host.Name} renders only {string.Join(" and ", host.MimeTypes)}; serve it in the MCP Apps dialect too (Dialects = Both).");

            if (host.CspDomains != HostCspHandling.Applied && ExternalLoads(widget) is { Count: > 0 } loads)
                yield return new(HostRules.ExternalOrigins, host, widget.Uri,
                    $"it {string.Join(" and ", loads.Select(l => l.What))}, and {host.Name} {Handles(host.CspDomains)} declared CSP origins, so those loads may be blocked there; {string.Join("; ", loads.Select(l => l.Fix).Distinct())}.");

            if (host.FrameDomains != HostCspHandling.Applied && widget.Csp.FrameDomains.Count > 0)
                yield return new(HostRules.FrameDomains, host, widget.Uri,
                    $"it embeds frames from {string.Join(", ", widget.Csp.FrameDomains)} (FrameDomains), and {host.Name} {Handles(host.FrameDomains)} frame origins, so those frames are blocked there.");

            var refused = widget.DisplayModes & ~host.DisplayModes;
            if (refused != 0)
                yield return new(HostRules.DisplayMode, host, widget.Uri,
                    $"it uses {string.Join(" and ", HostProfileJson.DisplayModeNames(refused))} (DisplayModes), which {host.Name} does not grant; a request for it leaves the widget in its current mode there.");

            if (widget.Domain is { } domain && host.DomainRule == HostDomainRule.AppOrigin && ClaudeSandboxDomain.IsClaudeForm(domain))
                yield return new(HostRules.DomainForm, host, widget.Uri,
                    $"Domain '{domain}' is Claude's hashed form, which Inlay computes for Claude on each request; {host.Name} expects an origin of the app's own, such as https://myapp.example.com.");
        }
    }

    private static string Handles(HostCspHandling handling) => handling switch
    {
        HostCspHandling.Disputed => "has been reported to ignore",
        HostCspHandling.Ignored => "does not apply",
        _ => "applies",
    };

    /// <summary>What the widget loads from outside its own document, as far as its declaration tells, and how to avoid it.</summary>
    private static List<(string What, string Fix)> ExternalLoads(WidgetDeclaration widget)
    {
        var loads = new List<(string, string)>(3);
        switch (widget.Html)
        {
            case AssetFolderHtmlSource { Inline: false }:
                loads.Add(("loads its scripts and styles from the app (an asset folder served without AssetInline)", "set AssetInline = true to serve one self-contained document"));
                break;
            case AppPageHtmlSource:
                loads.Add(("loads its scripts, styles and data from the app (a page of the app)", "serve the widget from an HTML file or an inlined asset folder instead"));
                break;
        }
        if (widget.Csp.ResourceDomains.Count > 0)
            loads.Add(($"loads resources from {string.Join(", ", widget.Csp.ResourceDomains)} (ResourceDomains)", "bundle those resources into the widget"));
        if (widget.Csp.ConnectDomains.Count > 0)
            loads.Add(($"fetches from {string.Join(", ", widget.Csp.ConnectDomains)} (ConnectDomains)", "call the server's tools through the host instead"));
        return loads;
    }
}
