import type { McpUiDisplayMode } from "@modelcontextprotocol/ext-apps/app-bridge";

/**
 * The host profiles as the app serves them at /_inlay/hosts.json (`HostProfiles.ToJson()` in src/Inlay/Hosts): what
 * each host reads, renders, grants and applies, with the source of every fact. The dev host plays a profile from this
 * data; only what a page adds itself (the design tokens it sends, see host-styles.ts) lives here in TypeScript.
 */
export interface HostsDocument {
  hosts: HostProfile[];
  rules: { id: string; title: string }[];
}

/** A host id: `chatgpt`, `claude`, `mcp-apps` (`HostIds` in C#). */
export type HostId = string;

export type CspHandling = "applied" | "disputed" | "ignored";
export type DomainRule = "declared" | "appOrigin" | "claudeEndpointHash";

export interface HostProfile {
  id: HostId;
  name: string;
  identification: {
    userAgentTokens: string[];
    clientInfoNames: string[];
    requestMetaPrefixes: string[];
    capabilityExtensions: string[];
  };
  toolMetaKeys: string[];
  resourceMetaKeys: string[];
  mimeTypes: string[];
  domainRule: DomainRule;
  cspDomains: CspHandling;
  frameDomains: CspHandling;
  displayModes: McpUiDisplayMode[];
  sendsToolInputPartial: boolean | null;
  cachesTemplatesByUri: boolean | null;
  openAiMethods: string[];
  sandboxOrigins: string[];
  sources: Record<string, string>;
}

/** The ids the dev host knows from before profiles were data, and the old `?mode=` values. */
export const HOST_IDS = { chatgpt: "chatgpt", claude: "claude", mcpApps: "mcp-apps" } as const;

export async function loadHosts(): Promise<HostsDocument> {
  const response = await fetch("./hosts.json", { cache: "no-store" });
  if (!response.ok) throw new Error(`hosts.json answered ${response.status}`);
  return parseHosts(await response.json());
}

/** Checks the document has what the dev host reads, so a mismatch fails here with a message rather than later. */
export function parseHosts(json: unknown): HostsDocument {
  const doc = json as Partial<HostsDocument> | null;
  if (!doc || !Array.isArray(doc.hosts) || doc.hosts.length === 0) throw new Error("hosts.json lists no hosts.");
  for (const h of doc.hosts) {
    const missing = (["id", "name", "identification", "mimeTypes", "domainRule", "cspDomains", "frameDomains", "displayModes", "openAiMethods"] as const).filter(
      (key) => (h as unknown as Record<string, unknown>)[key] === undefined,
    );
    if (missing.length) throw new Error(`hosts.json: host ${String(h.id)} lacks ${missing.join(", ")}.`);
  }
  return { hosts: doc.hosts, rules: doc.rules ?? [] };
}

/**
 * The profile a page asks for: `?host=<id>`, else the old `?mode=chatgpt|apps`, else the saved one, else the
 * generic MCP Apps host (or the first profile).
 */
export function selectProfile(doc: HostsDocument, wanted: string | null | undefined): HostProfile {
  const id = wanted === "apps" ? HOST_IDS.mcpApps : wanted;
  return (
    doc.hosts.find((h) => h.id === id) ?? doc.hosts.find((h) => h.id === HOST_IDS.mcpApps) ?? (doc.hosts[0] as HostProfile)
  );
}

/** Whether widgets get `window.openai` in this host (ChatGPT). */
export function hasOpenAi(profile: HostProfile): boolean {
  return profile.openAiMethods.length > 0;
}

/** The tool metadata dialect the host reads first: ChatGPT's `openai/outputTemplate`, or MCP Apps' `ui.resourceUri`. */
export function dialectOf(profile: HostProfile): "chatgpt" | "apps" {
  return profile.toolMetaKeys.includes("openai/outputTemplate") ? "chatgpt" : "apps";
}

/** Whether the host renders a template of this MIME type (compared without case, spaces or parameter order). */
export function rendersMimeType(profile: HostProfile, mimeType: string | undefined): boolean {
  if (!mimeType) return true;
  const norm = (t: string) =>
    t
      .toLowerCase()
      .split(";")
      .map((p) => p.trim())
      .filter(Boolean)
      .sort()
      .join(";");
  return profile.mimeTypes.some((m) => norm(m) === norm(mimeType));
}

export interface ClientIdentity {
  clientInfo: { name: string; version: string };
  capabilities: Record<string, unknown>;
}

/**
 * How the dev host's MCP client introduces itself when it plays this host: the host's `clientInfo.name` (Claude
 * `claude-ai`, ChatGPT `openai-mcp`; the generic host `inlay-devhost`) and the MCP Apps extension every profile renders.
 * The HTTP User-Agent a host sends (Claude's `Claude-User`) cannot be set by a page: browsers send their own.
 */
export function clientIdentity(profile: Pick<HostProfile, "identification">): ClientIdentity {
  return {
    clientInfo: { name: profile.identification.clientInfoNames[0] ?? GENERIC_IDENTITY.clientInfo.name, version: "0.1.0" },
    capabilities: GENERIC_IDENTITY.capabilities,
  };
}

/**
 * Whether every request names the client (MCP 2026-07-28 and later: `_meta["io.modelcontextprotocol/clientInfo"]`), so
 * a stateless app knows on each request which host calls; before, only `initialize` did.
 */
export function namesClientPerRequest(protocolVersion: string | undefined): boolean {
  return protocolVersion !== undefined && protocolVersion >= "2026-07-28";
}

/** The dev host as itself: a generic MCP Apps host. */
export const GENERIC_IDENTITY: ClientIdentity = {
  clientInfo: { name: "inlay-devhost", version: "0.1.0" },
  capabilities: { extensions: { "io.modelcontextprotocol/ui": { mimeTypes: ["text/html;profile=mcp-app"] } } },
};

/**
 * What the host adds to a request's `_meta` (ChatGPT's `openai/*` keys; the others add nothing), for tool calls.
 * ChatGPT documents `openai/locale` and `openai/userAgent` among them; the dev host sends those two.
 */
export function requestMeta(profile: HostProfile, locale: string, userAgent: string): Record<string, unknown> | undefined {
  if (!profile.identification.requestMetaPrefixes.includes("openai/")) return undefined;
  return { "openai/locale": locale, "openai/userAgent": userAgent };
}

/**
 * The answer to a widget's display mode request: the requested mode when the host grants it and the widget declared
 * it (`appCapabilities.availableDisplayModes`, when it sent the list), else the current mode, as the spec asks and as
 * Claude answers a pip request (`{mode: "inline"}` from an inline widget, claude-ai-mcp#60).
 */
export function answerDisplayMode(
  requested: McpUiDisplayMode,
  current: McpUiDisplayMode,
  profile: Pick<HostProfile, "name" | "displayModes">,
  appModes?: readonly string[],
): { mode: McpUiDisplayMode; refused?: string } {
  if (!profile.displayModes.includes(requested))
    return { mode: current, refused: `${profile.name} does not grant ${requested}` };
  if (appModes && !appModes.includes(requested))
    return { mode: current, refused: `the widget did not declare ${requested} (appCapabilities.availableDisplayModes)` };
  return { mode: requested };
}
