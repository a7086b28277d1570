/**
 * The host's look on the widget's document: MCP Apps design tokens (`hostContext.styles.variables`) as CSS custom
 * properties on `:root`, the host's font CSS (`hostContext.styles.css.fonts`), and in ChatGPT, which sends no tokens,
 * the same variables derived from its theme.
 *
 * Both go into `<style>` elements in `<head>` rather than the `style` attribute of `<html>`: the page bootstrap
 * restores `<html>` attributes, and a style sheet leaves the widget's own inline styles alone. The variables are
 * `!important`, so they win over a widget's own `:root` defaults of any specificity, as inline styles would.
 */
import type { HostContext, HostStyles, Theme } from "./types";

/** The documented prefixes of the MCP Apps variables: `--color-*`, `--font-*`, `--border-*`, `--shadow-*`. */
const NAME = /^--(color|font|border|shadow)(-[a-z0-9]+)+$/;
/** What a value may not contain: anything that could end the declaration or the rule, comments, escapes, URLs. */
const UNSAFE = /[;{}<>\\!\0-\x1f]|\/\*|url\(/i;
const balanced = (v: string, quote: string) => v.split(quote).length % 2 === 1;

/**
 * Keeps the entries of `hostContext.styles.variables` that are safe to put into a style sheet: names with a
 * documented prefix (lower case, at most 64 characters) and string values of at most 500 characters with no `;{}<>\!`,
 * control characters, comments, `url(` or unbalanced quotes. Everything else is ignored.
 */
export function filterStyleVariables(variables: unknown): Record<string, string> {
  const kept: Record<string, string> = {};
  if (!variables || typeof variables !== "object") return kept;
  for (const [name, raw] of Object.entries(variables)) {
    const value = typeof raw === "string" ? raw.trim() : "";
    if (
      name.length <= 64 &&
      NAME.test(name) &&
      value &&
      value.length <= 500 &&
      !UNSAFE.test(value) &&
      balanced(value, '"') &&
      balanced(value, "'")
    ) {
      kept[name] = value;
    }
  }
  return kept;
}

/**
 * ChatGPT's look as MCP Apps variables, `[light, dark]` (one value: both themes). The values are the semantic tokens
 * of OpenAI's Apps SDK UI design system (`@openai/apps-sdk-ui` 0.2.2, MIT: `styles/variables-semantic.css` and
 * `variables-primitive.css`), resolved to literals: surfaces `--color-surface(-secondary|-tertiary)`, text
 * `--color-text(-secondary|-tertiary|-inverse|-info|-danger|-success|-warning|-disabled)`, borders
 * `--color-border(-subtle)`, ring `--color-ring`, the `-surface` tints of the status colours (their 8-16 % alpha
 * mixes written as hex alpha), its font stacks and radii. The mapping onto MCP Apps names is ours, and ChatGPT's
 * own page may differ from the design system: treat them as a close approximation.
 */
const CHATGPT: Record<string, string | [string, string]> = {
  "--color-background-primary": ["#ffffff", "#212121"],
  "--color-background-secondary": ["#f9f9f9", "#181818"],
  "--color-background-tertiary": ["#f3f3f3", "#131313"],
  "--color-background-inverse": ["#0d0d0d", "#ffffff"],
  "--color-background-info": ["#0285ff0a", "#0285ff21"],
  "--color-background-danger": ["#fa423e14", "#fa423e29"],
  "--color-background-success": ["#04b84c14", "#04b84c26"],
  "--color-background-warning": ["#fb6a2212", "#fb6a2229"],
  "--color-background-disabled": ["#0d0d0d0d", "#ffffff0d"],
  "--color-text-primary": ["#0d0d0d", "#ffffff"],
  "--color-text-secondary": ["#5d5d5d", "#afafaf"],
  "--color-text-tertiary": "#8f8f8f",
  "--color-text-inverse": ["#ffffff", "#0d0d0d"],
  "--color-text-info": ["#0169cc", "#66b5ff"],
  "--color-text-danger": ["#911e1b", "#e02e2a"],
  "--color-text-success": ["#00692a", "#04b84c"],
  "--color-text-warning": ["#923b0f", "#e25507"],
  "--color-text-disabled": ["#8f8f8f", "#5d5d5d"],
  "--color-border-primary": ["#0d0d0d1a", "#ffffff1f"],
  "--color-border-secondary": ["#0d0d0d0d", "#ffffff0f"],
  "--color-ring-primary": ["#0169cc", "#0285ff"],
  "--font-sans":
    'ui-sans-serif, -apple-system, system-ui, "Segoe UI", "Noto Sans", "Helvetica", "Arial", "Apple Color Emoji", "Segoe UI Emoji", "Segoe UI Symbol", sans-serif',
  "--font-mono":
    'ui-monospace, "SFMono-Regular", "SF Mono", "Menlo", "Monaco", "Consolas", "Liberation Mono", "DejaVu Sans Mono", "Courier New", monospace',
  "--border-radius-xs": "4px",
  "--border-radius-sm": "6px",
  "--border-radius-md": "8px",
  "--border-radius-lg": "10px",
  "--border-radius-xl": "12px",
  "--border-radius-full": "9999px",
};

/** The ChatGPT palette for one theme (see {@link CHATGPT} for where the colours come from). */
export function chatGptStyleVariables(theme: Theme): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(CHATGPT)) {
    out[name] = typeof value === "string" ? value : value[theme === "dark" ? 1 : 0];
  }
  return out;
}

/**
 * The styles for a host context: the host's own variables when it sent any that pass the filter; else, in ChatGPT,
 * the palette for its theme; else none. The fonts are the host's `styles.css.fonts` when it is a non-empty string.
 */
export function hostStylesOf(hc: HostContext, theme: Theme, chatGpt: boolean): HostStyles {
  const own = filterStyleVariables(hc.styles?.variables);
  const fromHost = Object.keys(own).length > 0;
  const fonts = hc.styles?.css?.fonts;
  return {
    variables: fromHost ? own : chatGpt ? chatGptStyleVariables(theme) : {},
    fromHost,
    fonts: typeof fonts === "string" && fonts.trim() ? fonts : null,
  };
}

const VARIABLES_ID = "inlay-host-styles";
const FONTS_ID = "inlay-host-fonts";

/** The `<style>` element with `id` in `<head>`: created on first use, removed when `text` is null. */
function styleElement(id: string, text: string | null): HTMLStyleElement | null {
  let el = document.getElementById(id) as HTMLStyleElement | null;
  if (text === null) {
    el?.remove();
    return null;
  }
  if (!el) {
    el = document.createElement("style");
    el.id = id;
    document.head.append(el);
  }
  if (el.textContent !== text) el.textContent = text;
  return el;
}

/** CSSRule.type of the rules kept from the host's font CSS: `@import` (3) and `@font-face` (5). */
const FONT_RULES = [3, 5];

/**
 * Puts the styles on the document: the variables (and `color-scheme: <theme>`, which the `light-dark()` values the
 * spec recommends need) in `<style id="inlay-host-styles">`, the fonts in `<style id="inlay-host-fonts">`. Each element
 * is created once and its text replaced when it changes; an element with nothing to hold is removed. Of the font CSS
 * only `@font-face` and `@import` rules are kept: the browser parses it and every other rule is deleted before it
 * can apply. (Under a CSP without `style-src 'unsafe-inline'` neither sheet applies.)
 */
export function applyHostStyles(styles: HostStyles | null, theme: Theme): void {
  const entries = Object.entries(styles?.variables ?? {});
  styleElement(
    VARIABLES_ID,
    entries.length ? `:root{${entries.map(([k, v]) => `${k}:${v}!important;`).join("")}color-scheme:${theme}}` : null,
  );
  const sheet = styleElement(FONTS_ID, styles?.fonts ?? null)?.sheet;
  if (sheet) {
    for (let i = sheet.cssRules.length - 1; i >= 0; i--) {
      if (!FONT_RULES.includes(sheet.cssRules[i]!.type)) sheet.deleteRule(i);
    }
  }
}
