import type { McpUiResourceCsp } from "@modelcontextprotocol/ext-apps/app-bridge";
import type { HostProfile } from "./profiles";

/**
 * How the dev host reads a host whose handling of declared CSP origins is disputed (Claude): `strict`, the reports
 * (anthropics/claude-ai-mcp#40, #54: declared resource and connect origins not applied, so only what the document
 * inlines runs), or `documented`, Claude's docs (resourceDomains added to script-src and style-src; claude-ai-mcp#375
 * also saw declared https origins applied).
 */
export type DisputedCspReading = "strict" | "documented";

/** The declared origins a host left out, per `_meta.ui.csp` list. */
export type WithheldOrigins = Partial<Record<keyof McpUiResourceCsp, string[]>>;

/**
 * The CSP origins the host applies from what the widget declares: all of them where the profile says `applied`; none
 * where it says `ignored`, or `disputed` read strictly. Connect, resource and base-URI origins follow the profile's
 * `cspDomains`, frame origins its `frameDomains`.
 */
export function cspForHost(
  declared: McpUiResourceCsp | undefined,
  profile: Pick<HostProfile, "cspDomains" | "frameDomains">,
  reading: DisputedCspReading,
): { csp: McpUiResourceCsp | undefined; withheld: WithheldOrigins } {
  if (!declared) return { csp: undefined, withheld: {} };
  const applies = (handling: HostProfile["cspDomains"]) => handling === "applied" || (handling === "disputed" && reading === "documented");
  const csp: McpUiResourceCsp = {};
  const withheld: WithheldOrigins = {};
  const lists: [keyof McpUiResourceCsp, boolean][] = [
    ["connectDomains", applies(profile.cspDomains)],
    ["resourceDomains", applies(profile.cspDomains)],
    ["baseUriDomains", applies(profile.cspDomains)],
    ["frameDomains", applies(profile.frameDomains)],
  ];
  for (const [key, applied] of lists) {
    const origins = declared[key];
    if (!origins) continue;
    if (applied) csp[key] = origins;
    else if (origins.length) withheld[key] = [...origins];
  }
  return { csp, withheld };
}

/** Whether the profile leaves the reading of declared origins to the person (a disputed fact). */
export function cspIsDisputed(profile: Pick<HostProfile, "cspDomains" | "frameDomains">): boolean {
  return profile.cspDomains === "disputed" || profile.frameDomains === "disputed";
}
