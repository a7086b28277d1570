import { describe, expect, it } from "vitest";
import { defaultSettings, frameLayout, hostContext, openAiGlobals } from "../src/host/settings";
import { initialSettings } from "../src/host/use-settings";

const stage = { width: 1200, height: 700 };

describe("frameLayout", () => {
  it("sizes each display mode for desktop and mobile", () => {
    expect(frameLayout({ displayMode: "inline", device: "desktop" }, stage)).toEqual({ width: 760, maxHeight: 500 });
    expect(frameLayout({ displayMode: "pip", device: "desktop" }, stage)).toEqual({ width: 480, maxHeight: 400 });
    expect(frameLayout({ displayMode: "fullscreen", device: "desktop" }, stage)).toEqual({ width: 1200, maxHeight: 700 });
    expect(frameLayout({ displayMode: "inline", device: "mobile" }, stage)).toEqual({ width: 390, maxHeight: 500 });
    expect(frameLayout({ displayMode: "pip", device: "mobile" }, stage)).toEqual({ width: 390, maxHeight: 700 });
  });
  it("never exceeds the stage", () => {
    expect(frameLayout({ displayMode: "inline", device: "desktop" }, { width: 500, height: 300 }).width).toBe(500);
  });
});

describe("host context and globals", () => {
  const settings = { ...defaultSettings, theme: "dark" as const, locale: "fr-FR", device: "mobile" as const, touch: true, hover: false };
  const layout = { width: 390, maxHeight: 500 };
  const apps = { id: "mcp-apps", name: "MCP Apps host", displayModes: ["inline", "fullscreen", "pip"] as const };
  const claude = { id: "claude", name: "Claude", displayModes: ["inline", "fullscreen"] as const };
  const chatgpt = { id: "chatgpt", name: "ChatGPT", displayModes: ["inline", "fullscreen", "pip"] as const };
  it("gives MCP Apps hosts' context fields", () => {
    const ctx = hostContext(settings, layout, undefined, { ...apps, displayModes: [...apps.displayModes] });
    expect(ctx).toMatchObject({
      theme: "dark",
      locale: "fr-FR",
      platform: "mobile",
      displayMode: "inline",
      containerDimensions: { width: 390, maxHeight: 500 },
      deviceCapabilities: { touch: true, hover: false },
      availableDisplayModes: ["inline", "fullscreen", "pip"],
    });
  });
  it("names the host's display modes and sends its design tokens for the theme, none for ChatGPT", () => {
    const asClaude = hostContext(settings, layout, undefined, { ...claude, displayModes: [...claude.displayModes] });
    expect(asClaude.availableDisplayModes).toEqual(["inline", "fullscreen"]);
    expect(asClaude.userAgent).toBe("Inlay dev host (Claude)");
    expect(asClaude.styles?.variables?.["--color-background-primary"]).toBe("#262624");
    expect(asClaude.styles?.css?.fonts).toContain("@font-face");
    const light = hostContext({ ...settings, theme: "light" }, layout, undefined, { ...claude, displayModes: [...claude.displayModes] });
    expect(light.styles?.variables?.["--color-background-primary"]).toBe("#faf9f5");
    const asChatGpt = hostContext(settings, layout, undefined, { ...chatgpt, displayModes: [...chatgpt.displayModes] });
    expect(asChatGpt.styles).toBeUndefined();
    expect(asChatGpt.theme).toBe("dark");
  });
  it("gives ChatGPT's window.openai globals", () => {
    expect(openAiGlobals(settings, layout)).toMatchObject({
      theme: "dark",
      locale: "fr-FR",
      maxHeight: 500,
      userAgent: { device: { type: "mobile" }, capabilities: { touch: true, hover: false } },
      safeArea: { insets: { top: 0, right: 0, bottom: 0, left: 0 } },
    });
  });
});

describe("initialSettings", () => {
  it("starts from the defaults: the generic MCP Apps host, no streaming, Claude's CSP read strictly", () => {
    expect(initialSettings(null, "")).toEqual(defaultSettings);
    expect(defaultSettings).toMatchObject({ host: "mcp-apps", streamInput: false, disputedCsp: "strict" });
  });
  it("takes ?host=, the older ?mode= and ?theme= over what was kept", () => {
    const kept = JSON.stringify({ host: "chatgpt", theme: "dark", locale: "fr-FR" });
    expect(initialSettings(kept, "?host=claude")).toMatchObject({ host: "claude", theme: "dark", locale: "fr-FR" });
    expect(initialSettings(kept, "?mode=apps&theme=light")).toMatchObject({ host: "mcp-apps", theme: "light" });
    expect(initialSettings(null, "?mode=chatgpt").host).toBe("chatgpt");
    expect(initialSettings(kept, "").host).toBe("chatgpt");
  });
  it("reads settings kept before hosts were profiles (mode apps or chatgpt), and survives damaged ones", () => {
    expect(initialSettings(JSON.stringify({ mode: "chatgpt", theme: "dark" }), "")).toMatchObject({ host: "chatgpt", theme: "dark" });
    expect(initialSettings(JSON.stringify({ mode: "apps" }), "").host).toBe("mcp-apps");
    expect(initialSettings(JSON.stringify({ mode: "apps" }), "")).not.toHaveProperty("mode");
    expect(initialSettings("{not json", "")).toEqual(defaultSettings);
  });
});
