import type { HostProfile } from "./profiles";

export const CLAUDE_SUFFIX = ".claudemcpcontent.com";

/**
 * The `ui.domain` Claude accepts for an MCP endpoint: the first 32 hex digits of the SHA-256 of the endpoint URL exactly
 * as the connector was configured, then `.claudemcpcontent.com` (Claude docs: `https://example.com/mcp` gives
 * `c3d80a4ed901ee05b21755a88273b4a4.claudemcpcontent.com`).
 */
export async function claudeDomain(endpointUrl: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(endpointUrl));
  const hex = Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
  return hex.slice(0, 32) + CLAUDE_SUFFIX;
}

export type DomainCheck =
  | { ok: true; domain?: string }
  | {
      ok: false;
      /** The host's own message. */
      message: string;
      /** What the dev host adds: what the host would have accepted, and why. */
      detail: string;
      domain: string;
      expected: string;
    };

/**
 * Checks a widget's declared `ui.domain` (on the `resources/read` content item) the way the host does. Only Claude
 * refuses one: anything but its hash of this endpoint's URL ("Invalid ui.domain format", and nothing renders). No
 * declared domain is always fine; ChatGPT and generic hosts take the value as it is.
 */
export async function checkDomain(profile: Pick<HostProfile, "name" | "domainRule">, meta: Record<string, unknown> | undefined, endpointUrl: string): Promise<DomainCheck> {
  const declared = (meta?.ui as { domain?: unknown } | undefined)?.domain;
  if (declared === undefined || declared === null) return { ok: true };
  const domain = String(declared);
  if (profile.domainRule !== "claudeEndpointHash") return { ok: true, domain };
  const expected = await claudeDomain(endpointUrl);
  if (domain === expected) return { ok: true, domain };
  return {
    ok: false,
    domain,
    expected,
    // Claude's words, as reported from claude.ai (alpic-ai/skybridge#395, laravel/mcp#218).
    message: `Invalid ui.domain format: expected "{hash}${CLAUDE_SUFFIX}", got "${domain}".`,
    detail:
      `${profile.name} renders nothing for this widget. For the MCP endpoint ${endpointUrl} it accepts only "${expected}" ` +
      `(the first 32 hex digits of the SHA-256 of the endpoint URL, then ${CLAUDE_SUFFIX}, without a scheme). ` +
      `Inlay sends that form when it recognises the calling host as ${profile.name} (Inlay:Hosts must include it), ` +
      `or send no domain at all.`,
  };
}
