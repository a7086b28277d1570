import { describe, expect, it } from "vitest";
import { defaultSettings, frameLayout, hostContext, openAiGlobals } from "../src/host/settings";

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
  it("gives MCP Apps hosts' context fields", () => {
    const ctx = hostContext(settings, layout, undefined);
    expect(ctx).toMatchObject({
      theme: "dark",
      locale: "fr-FR",
      platform: "mobile",
      displayMode: "inline",
      containerDimensions: { width: 390, maxHeight: 500 },
      deviceCapabilities: { touch: true, hover: false },
    });
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
