import { afterEach, describe, expect, it, vi } from "vitest";
import { createInlayApp, type InlayApp } from "../src/app";
import { chatGptStyleVariables, filterStyleVariables } from "../src/host-styles";
import { FakeHost, initializeResult, installOpenAi, removeOpenAi, resetParent, setGlobals } from "./fake-host";

let app: InlayApp | undefined;

afterEach(() => {
  app?.destroy();
  app = undefined;
  removeOpenAi();
  resetParent();
});

const variablesSheet = () => document.getElementById("inlay-host-styles") as HTMLStyleElement | null;
const fontsSheet = () => document.getElementById("inlay-host-fonts") as HTMLStyleElement | null;
/** The `:root` rule the runtime wrote, as the browser (jsdom) parsed it. */
const rootRule = () => {
  const rules = variablesSheet()!.sheet!.cssRules;
  expect(rules).toHaveLength(1);
  const rule = rules[0] as CSSStyleRule;
  expect(rule.selectorText).toBe(":root");
  return rule.style;
};

/** An MCP Apps host whose `ui/initialize` result carries `styles` (and `theme`). */
async function mcpApp(hostContext: Record<string, unknown>): Promise<FakeHost> {
  const host = new FakeHost().install();
  host.handlers["ui/initialize"] = () => initializeResult({ hostContext: { theme: "light", ...hostContext } });
  app = createInlayApp({ autoResize: false });
  await app.connect();
  return host;
}

describe("filterStyleVariables", () => {
  it("keeps the documented MCP Apps variables", () => {
    const variables = {
      "--color-background-primary": "light-dark(#ffffff, #171717)",
      "--color-text-primary": "rgb(23 23 23)",
      "--font-sans": '"Anthropic Sans", system-ui, sans-serif',
      "--font-heading-2xl-line-height": "2.5rem",
      "--border-radius-md": "8px",
      "--border-width-regular": "1px",
      "--shadow-sm": "0 1px 2px rgba(0, 0, 0, 0.1)",
    };
    expect(filterStyleVariables(variables)).toEqual(variables);
  });

  it("ignores names without a documented prefix, and malformed names", () => {
    expect(
      filterStyleVariables({
        "--spacing-md": "8px",
        "color-text-primary": "red",
        "--Color-text-primary": "red",
        "--color-": "red",
        "--color-text primary": "red",
        "--color-text-primary;x": "red",
        [`--color-${"a".repeat(60)}`]: "red",
        "--color-ok": "red",
      }),
    ).toEqual({ "--color-ok": "red" });
  });

  it("ignores values that could leave the declaration or load something", () => {
    const bad = [
      "red; --color-text-secondary: blue",
      "red} body{display:none",
      "red{",
      "red !important",
      "red /* comment",
      "url(https://tracker.example/x.png)",
      "URL(https://tracker.example/x.png)",
      "\\7d",
      "</style><script>alert(1)</script>",
      '"Unclosed Sans, sans-serif',
      "'Unclosed Sans, sans-serif",
      "red\nblue",
      "   ",
      "",
      "x".repeat(501),
    ];
    const variables = Object.fromEntries(bad.map((v, i) => [`--color-bad-${i}`, v]));
    expect(filterStyleVariables({ ...variables, "--color-good": " #fff " })).toEqual({ "--color-good": "#fff" });
  });

  it("ignores values that are not strings, and anything that is not an object", () => {
    expect(filterStyleVariables({ "--color-a": 1, "--color-b": null, "--color-c": undefined, "--color-d": {} })).toEqual({});
    expect(filterStyleVariables("--color-a: red")).toEqual({});
    expect(filterStyleVariables(null)).toEqual({});
  });
});

describe("host variables in an MCP Apps host", () => {
  it("are applied to :root as custom properties, with the theme's color-scheme", async () => {
    await mcpApp({
      theme: "dark",
      styles: { variables: { "--color-text-primary": "light-dark(#171717, #fafafa)", "--font-sans": "Inter, sans-serif" } },
    });
    const style = rootRule();
    expect(style.getPropertyValue("--color-text-primary")).toBe("light-dark(#171717, #fafafa)");
    expect(style.getPropertyPriority("--color-text-primary")).toBe("important");
    expect(style.getPropertyValue("--font-sans")).toBe("Inter, sans-serif");
    expect(style.getPropertyValue("color-scheme")).toBe("dark");
    expect(variablesSheet()!.parentElement).toBe(document.head);
    expect(app!.getSnapshot().hostStyles).toEqual({
      variables: { "--color-text-primary": "light-dark(#171717, #fafafa)", "--font-sans": "Inter, sans-serif" },
      fromHost: true,
      fonts: null,
    });
  });

  it("leave out what the filter rejects, so a value cannot add rules or declarations", async () => {
    await mcpApp({
      styles: {
        variables: {
          "--color-text-primary": "red;} body{display:none",
          "--color-border-primary": "red; color: blue",
          "--evil": "red",
          "--color-text-secondary": "#555",
        },
      },
    });
    const style = rootRule();
    expect(style.getPropertyValue("--color-text-secondary")).toBe("#555");
    expect(style.getPropertyValue("--color-text-primary")).toBe("");
    expect(style.getPropertyValue("--color-border-primary")).toBe("");
    expect(style.getPropertyValue("--evil")).toBe("");
    expect(style.getPropertyValue("color")).toBe("");
    expect(variablesSheet()!.textContent).toBe(":root{--color-text-secondary:#555!important;color-scheme:light}");
  });

  it("are replaced on host-context-changed: new values, removed names, and the new theme", async () => {
    const host = await mcpApp({
      styles: { variables: { "--color-text-primary": "#111", "--color-text-secondary": "#555" } },
    });
    const sheet = variablesSheet();
    host.notify("ui/notifications/host-context-changed", {
      theme: "dark",
      styles: { variables: { "--color-text-primary": "#eee" } },
    });
    expect(variablesSheet()).toBe(sheet); // the same element, new text
    const style = rootRule();
    expect(style.getPropertyValue("--color-text-primary")).toBe("#eee");
    expect(style.getPropertyValue("--color-text-secondary")).toBe("");
    expect(style.getPropertyValue("color-scheme")).toBe("dark");
    expect(document.querySelectorAll("#inlay-host-styles")).toHaveLength(1);
  });

  it("stay when a host-context-changed notification does not touch styles, and follow a theme change", async () => {
    const host = await mcpApp({ styles: { variables: { "--color-text-primary": "#111" } } });
    const before = app!.getSnapshot().hostStyles;
    host.notify("ui/notifications/host-context-changed", { displayMode: "fullscreen" });
    expect(app!.getSnapshot().hostStyles).toBe(before); // same identity: useHostStyles does not re-render
    host.notify("ui/notifications/host-context-changed", { theme: "dark" });
    expect(app!.getSnapshot().hostStyles).toBe(before);
    expect(rootRule().getPropertyValue("color-scheme")).toBe("dark");
  });

  it("are removed when the host sends styles without variables", async () => {
    const host = await mcpApp({ styles: { variables: { "--color-text-primary": "#111" } } });
    host.notify("ui/notifications/host-context-changed", { styles: {} });
    expect(variablesSheet()).toBeNull();
    expect(app!.getSnapshot().hostStyles).toEqual({ variables: {}, fromHost: false, fonts: null });
  });

  it("are not written when the host sends none (the widget's fallbacks apply)", async () => {
    await mcpApp({});
    expect(variablesSheet()).toBeNull();
    expect(fontsSheet()).toBeNull();
  });

  it("are removed with the app", async () => {
    await mcpApp({
      styles: { variables: { "--color-text-primary": "#111" }, css: { fonts: "@font-face{font-family:X;src:local(X)}" } },
    });
    app!.destroy();
    app = undefined;
    expect(variablesSheet()).toBeNull();
    expect(fontsSheet()).toBeNull();
  });
});

describe("host fonts in an MCP Apps host", () => {
  const faceA = '@font-face { font-family: "Host Sans"; src: url("https://fonts.example/a.woff2") format("woff2"); }';
  const faceB = '@font-face { font-family: "Other Sans"; src: local("Other Sans"); }';

  it("are inserted once as a <style> in <head>", async () => {
    const host = await mcpApp({ styles: { css: { fonts: faceA } } });
    const el = fontsSheet()!;
    expect(el.parentElement).toBe(document.head);
    expect(el.textContent).toBe(faceA);
    expect(el.sheet!.cssRules).toHaveLength(1);
    host.notify("ui/notifications/host-context-changed", { styles: { css: { fonts: faceA } } });
    host.notify("ui/notifications/host-context-changed", { theme: "dark" });
    expect(document.querySelectorAll("#inlay-host-fonts")).toHaveLength(1);
    expect(fontsSheet()).toBe(el);
  });

  it("are replaced when they change, and removed when the host drops them", async () => {
    const host = await mcpApp({ styles: { css: { fonts: faceA } } });
    const el = fontsSheet()!;
    host.notify("ui/notifications/host-context-changed", { styles: { css: { fonts: faceB } } });
    expect(fontsSheet()).toBe(el);
    expect(el.textContent).toBe(faceB);
    expect(app!.getSnapshot().hostStyles.fonts).toBe(faceB);
    host.notify("ui/notifications/host-context-changed", { styles: { variables: { "--color-text-primary": "#111" } } });
    expect(fontsSheet()).toBeNull();
  });

  it("keep only @font-face and @import rules", async () => {
    await mcpApp({
      styles: {
        css: {
          fonts: `@import url("https://fonts.example/css2?family=Inter:wght@400;700&display=swap");
            ${faceA}
            body { display: none; }
            @media print { body { color: red; } }
            ${faceB}`,
        },
      },
    });
    const rules = [...fontsSheet()!.sheet!.cssRules];
    expect(rules.map((r) => r.type)).toEqual([3, 5, 5]); // CSSRule.IMPORT_RULE, FONT_FACE_RULE ×2
    expect(rules.map((r) => r.cssText).join("\n")).not.toMatch(/display: none|print/);
  });

  it("apply without variables, and the variables without fonts", async () => {
    await mcpApp({ styles: { css: { fonts: faceA } } });
    expect(fontsSheet()).not.toBeNull();
    expect(variablesSheet()).toBeNull();
    expect(app!.getSnapshot().hostStyles).toEqual({ variables: {}, fromHost: false, fonts: faceA });
  });

  it("ignore fonts that are not a string", async () => {
    await mcpApp({ styles: { css: { fonts: { face: faceA } } } });
    expect(fontsSheet()).toBeNull();
  });
});

describe("the ChatGPT palette", () => {
  it("differs per theme for the colours and keeps the fonts and radii", () => {
    const light = chatGptStyleVariables("light");
    const dark = chatGptStyleVariables("dark");
    expect(light["--color-background-primary"]).toBe("#ffffff");
    expect(dark["--color-background-primary"]).toBe("#212121");
    expect(light["--color-text-primary"]).toBe("#0d0d0d");
    expect(dark["--color-text-primary"]).toBe("#ffffff");
    expect(Object.keys(light)).toEqual(Object.keys(dark));
    for (const name of Object.keys(light).filter((n) => n.startsWith("--color-") && n !== "--color-text-tertiary")) {
      expect(light[name], name).not.toBe(dark[name]);
    }
    expect(light["--font-sans"]).toBe(dark["--font-sans"]);
    expect(light["--border-radius-md"]).toBe("8px");
  });

  it("passes its own filter", () => {
    for (const theme of ["light", "dark"] as const) {
      const palette = chatGptStyleVariables(theme);
      expect(filterStyleVariables(palette)).toEqual(palette);
    }
  });

  it("is applied in ChatGPT from window.openai.theme and follows openai:set_globals", () => {
    installOpenAi({ theme: "dark" });
    app = createInlayApp();
    expect(app.getSnapshot().hostStyles).toEqual({ variables: chatGptStyleVariables("dark"), fromHost: false, fonts: null });
    expect(rootRule().getPropertyValue("--color-background-primary")).toBe("#212121");
    expect(rootRule().getPropertyValue("color-scheme")).toBe("dark");

    setGlobals({ theme: "light" });
    expect(app.getSnapshot().hostStyles.variables).toEqual(chatGptStyleVariables("light"));
    expect(rootRule().getPropertyValue("--color-background-primary")).toBe("#ffffff");
    expect(rootRule().getPropertyValue("color-scheme")).toBe("light");

    const seen = vi.fn();
    app.subscribe(seen);
    const before = app.getSnapshot().hostStyles;
    setGlobals({ maxHeight: 300 });
    expect(seen).toHaveBeenCalled();
    expect(app.getSnapshot().hostStyles).toBe(before);
  });

  it("gives way to variables the host sends over the bridge", async () => {
    installOpenAi({ theme: "light" });
    const host = new FakeHost().install();
    host.handlers["ui/initialize"] = () =>
      initializeResult({ hostContext: { theme: "light", styles: { variables: { "--color-text-primary": "#123456" } } } });
    app = createInlayApp({ autoResize: false });
    expect(app.getSnapshot().hostStyles.fromHost).toBe(false);
    await app.connect();
    expect(app.getSnapshot().hostStyles).toEqual({
      variables: { "--color-text-primary": "#123456" },
      fromHost: true,
      fonts: null,
    });
    expect(rootRule().getPropertyValue("--color-background-primary")).toBe("");
  });

  it("is not applied on a page with no host", () => {
    app = createInlayApp();
    expect(app.getSnapshot().host).toBe("none");
    expect(app.getSnapshot().hostStyles.variables).toEqual({});
    expect(variablesSheet()).toBeNull();
  });
});
