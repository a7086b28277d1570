import type { McpUiResourceCsp, McpUiResourcePermissions } from "@modelcontextprotocol/ext-apps/app-bridge";

/** Which tool metadata a host reads first: ChatGPT's (`openai/*`), or MCP Apps' (`ui.*`); see `dialectOf`. */
export type Dialect = "chatgpt" | "apps";

type Meta = Record<string, unknown> | undefined;

/** A tool as tools/list gives it, with only what the dev host reads. */
export interface ListedTool {
  name: string;
  title?: string;
  description?: string;
  inputSchema: Record<string, unknown>;
  _meta?: Record<string, unknown>;
}

/**
 * The template a host renders for a tool: ChatGPT prefers `openai/outputTemplate` and falls back to the MCP Apps
 * key; MCP Apps hosts read `_meta.ui.resourceUri` (or the older flat `ui/resourceUri`).
 */
export function templateUri(tool: ListedTool, mode: Dialect): string | undefined {
  const meta = tool._meta;
  const ui = meta?.ui as { resourceUri?: unknown } | undefined;
  const apps = str(ui?.resourceUri) ?? str(meta?.["ui/resourceUri"]);
  return mode === "chatgpt" ? str(meta?.["openai/outputTemplate"]) ?? apps : apps;
}

/**
 * Whether a widget may call this tool. MCP Apps: `_meta.ui.visibility` includes "app" (both "model" and "app"
 * when absent). ChatGPT: that, set explicitly, or `openai/widgetAccessible: true`.
 */
export function widgetMayCall(tool: ListedTool, mode: Dialect): boolean {
  const visibility = (tool._meta?.ui as { visibility?: unknown } | undefined)?.visibility;
  if (Array.isArray(visibility)) return visibility.includes("app");
  if (mode === "chatgpt") return tool._meta?.["openai/widgetAccessible"] === true;
  return true;
}

/** The sandbox settings a resource asks for, from `_meta.ui` or, for ChatGPT templates, `openai/widgetCSP`. */
export function resourceSandbox(meta: Meta): { csp?: McpUiResourceCsp; permissions?: McpUiResourcePermissions; prefersBorder: boolean } {
  const ui = meta?.ui as { csp?: McpUiResourceCsp; permissions?: McpUiResourcePermissions; prefersBorder?: boolean } | undefined;
  const openai = meta?.["openai/widgetCSP"] as Record<string, string[] | undefined> | undefined;
  const csp: McpUiResourceCsp | undefined =
    ui?.csp ??
    (openai && {
      connectDomains: openai.connect_domains,
      resourceDomains: openai.resource_domains,
      frameDomains: openai.frame_domains,
    });
  const prefersBorder = ui?.prefersBorder ?? meta?.["openai/widgetPrefersBorder"] === true;
  return { csp, permissions: ui?.permissions, prefersBorder: prefersBorder === true };
}

function str(value: unknown): string | undefined {
  return typeof value === "string" && value.length > 0 ? value : undefined;
}
