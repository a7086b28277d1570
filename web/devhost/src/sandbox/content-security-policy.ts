import type { McpUiResourceCsp } from "@modelcontextprotocol/ext-apps/app-bridge";

/**
 * The Content-Security-Policy a host applies to a widget, built from the domains its resource declares
 * (MCP Apps `_meta.ui.csp`). Nothing outside the declared domains loads: a widget that forgot to declare
 * where its assets or API live fails here the way it fails in ChatGPT and Claude.
 * Inline script and style stay allowed because every host allows them (widgets ship as one HTML document).
 */
export function contentSecurityPolicy(csp: McpUiResourceCsp | undefined): string {
  const resources = clean(csp?.resourceDomains);
  const connect = clean(csp?.connectDomains);
  const frames = clean(csp?.frameDomains);
  const baseUris = clean(csp?.baseUriDomains);
  const directives: [string, string[]][] = [
    ["default-src", ["'none'"]],
    ["script-src", ["'self'", "'unsafe-inline'", "blob:", ...resources]],
    ["style-src", ["'self'", "'unsafe-inline'", ...resources]],
    ["img-src", ["'self'", "data:", "blob:", ...resources]],
    ["font-src", ["'self'", "data:", ...resources]],
    ["media-src", ["'self'", "data:", "blob:", ...resources]],
    ["connect-src", ["'self'", ...connect]],
    ["frame-src", frames.length ? frames : ["'none'"]],
    ["base-uri", baseUris.length ? baseUris : ["'self'"]],
    ["object-src", ["'none'"]],
  ];
  return directives.map(([name, sources]) => `${name} ${sources.join(" ")}`).join("; ");
}

/** Keeps only well-formed source expressions: a CSP source cannot contain whitespace, ';' or ','. */
function clean(domains: string[] | undefined): string[] {
  return (domains ?? []).filter((d) => typeof d === "string" && d.length > 0 && !/[\s;,'"]/.test(d));
}
