import type { McpUiHostContext, McpUiTheme } from "@modelcontextprotocol/ext-apps/app-bridge";
import { HOST_IDS, type HostId } from "./profiles";

type Styles = NonNullable<McpUiHostContext["styles"]>;
type Palette = Record<string, string | [light: string, dark: string]>;

/**
 * The design tokens the dev host sends in `hostContext.styles` per host, so widgets take a host's colours. These are
 * plausible values the dev host picked (a light and a dark set each), not the hosts' own: no host publishes what it
 * sends. Claude's set follows the warm ivory and slate of its interface; the generic MCP Apps host's is a cool indigo
 * tint, chosen to differ from both. ChatGPT sends none (only the theme; `@inlay/view` derives its palette from it).
 *
 * The fonts are `@font-face` rules with `local()` sources only, so nothing is fetched and the sandbox's CSP needs no
 * font origin; each names a family of the dev host's (`Inlay Claude Sans`, `Inlay Host Sans`) that `--font-sans`
 * puts first.
 */
const CLAUDE: Palette = {
  "--color-background-primary": ["#faf9f5", "#262624"],
  "--color-background-secondary": ["#f0eee6", "#1f1e1d"],
  "--color-background-tertiary": ["#e8e6dc", "#30302e"],
  "--color-background-inverse": ["#141413", "#faf9f5"],
  "--color-background-info": ["#e8f0fb", "#1e2a3d"],
  "--color-background-danger": ["#fbeae7", "#3a1f1c"],
  "--color-background-success": ["#e9f3e6", "#1f2e1b"],
  "--color-background-warning": ["#fbf0dc", "#3a2c14"],
  "--color-text-primary": ["#141413", "#faf9f5"],
  "--color-text-secondary": ["#3d3d3a", "#c2c0b6"],
  "--color-text-tertiary": ["#73726c", "#9c9a92"],
  "--color-text-inverse": ["#faf9f5", "#141413"],
  "--color-text-info": ["#2c5aa0", "#8fb4ea"],
  "--color-text-danger": ["#b53333", "#f08a7e"],
  "--color-text-success": ["#3f6b2a", "#98c489"],
  "--color-text-warning": ["#8a5a12", "#e5b567"],
  "--color-border-primary": ["#1f1e1d26", "#faf9f526"],
  "--color-border-secondary": ["#1f1e1d14", "#faf9f514"],
  "--color-ring-primary": ["#c6613f", "#d97757"],
  "--font-sans": '"Inlay Claude Sans", ui-sans-serif, system-ui, -apple-system, "Segoe UI", sans-serif',
  "--font-mono": 'ui-monospace, "SF Mono", Menlo, Consolas, monospace',
  "--border-radius-xs": "4px",
  "--border-radius-sm": "6px",
  "--border-radius-md": "8px",
  "--border-radius-lg": "12px",
  "--border-radius-xl": "16px",
  "--border-radius-full": "9999px",
};

const MCP_APPS: Palette = {
  "--color-background-primary": ["#ffffff", "#181b2e"],
  "--color-background-secondary": ["#eef0fb", "#20243b"],
  "--color-background-tertiary": ["#e0e4f7", "#2a2f4a"],
  "--color-background-inverse": ["#1b1f3a", "#eef0fb"],
  "--color-background-info": ["#e8efff", "#1c2650"],
  "--color-background-danger": ["#fdecee", "#3d1c24"],
  "--color-background-success": ["#e7f6ee", "#16332a"],
  "--color-background-warning": ["#fdf4e3", "#3b2f16"],
  "--color-text-primary": ["#161a33", "#eef0fb"],
  "--color-text-secondary": ["#4a4f6a", "#b4b8d4"],
  "--color-text-tertiary": ["#6b7090", "#8a8fb0"],
  "--color-text-inverse": ["#ffffff", "#161a33"],
  "--color-text-info": ["#3040c0", "#9aa6ff"],
  "--color-text-danger": ["#b4233c", "#ff8f9f"],
  "--color-text-success": ["#17754a", "#7fd8a8"],
  "--color-text-warning": ["#8f5b00", "#f2c46d"],
  "--color-border-primary": ["#c9cde6", "#3a3f5e"],
  "--color-border-secondary": ["#e0e3f3", "#2c3050"],
  "--color-ring-primary": ["#4f46e5", "#818cf8"],
  "--font-sans": '"Inlay Host Sans", ui-sans-serif, system-ui, sans-serif',
  "--font-mono": "ui-monospace, monospace",
  "--border-radius-xs": "2px",
  "--border-radius-sm": "4px",
  "--border-radius-md": "6px",
  "--border-radius-lg": "8px",
  "--border-radius-xl": "10px",
  "--border-radius-full": "9999px",
};

const FONTS: Record<string, string> = {
  [HOST_IDS.claude]: '@font-face { font-family: "Inlay Claude Sans"; src: local("Inter"), local("Helvetica Neue"), local("Arial"), local("DejaVu Sans"); }',
  [HOST_IDS.mcpApps]: '@font-face { font-family: "Inlay Host Sans"; src: local("Segoe UI"), local("Roboto"), local("Noto Sans"), local("DejaVu Sans"); }',
};

const PALETTES: Record<string, Palette> = { [HOST_IDS.claude]: CLAUDE, [HOST_IDS.mcpApps]: MCP_APPS };

/**
 * The `hostContext.styles` the dev host sends as this host in this theme, or undefined for a host that sends only its
 * theme (ChatGPT, and any host the dev host has no tokens for).
 */
export function hostStyles(host: HostId, theme: McpUiTheme): Styles | undefined {
  const palette = PALETTES[host];
  if (!palette) return undefined;
  const variables: Record<string, string> = {};
  for (const [name, value] of Object.entries(palette)) variables[name] = typeof value === "string" ? value : value[theme === "dark" ? 1 : 0];
  const fonts = FONTS[host];
  return { variables: variables as Styles["variables"], ...(fonts ? { css: { fonts } } : {}) };
}
