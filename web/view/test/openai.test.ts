import { afterEach, describe, expect, it, vi } from "vitest";
import { createInlayApp, type InlayApp } from "../src/app";
import { FakeHost, installOpenAi, removeOpenAi, resetParent, setGlobals } from "./fake-host";

let app: InlayApp | undefined;

afterEach(() => {
  app?.destroy();
  app = undefined;
  removeOpenAi();
  resetParent();
  localStorage.clear();
});

describe("window.openai globals", () => {
  it("reads every global into the snapshot", () => {
    installOpenAi();
    app = createInlayApp();
    expect(app.getSnapshot()).toMatchObject({
      host: "openai",
      connected: false,
      theme: "light",
      locale: "en-US",
      displayMode: "inline",
      maxHeight: 480,
      safeArea: { insets: { bottom: 20 } },
      userAgent: { device: { type: "mobile" }, capabilities: { hover: false, touch: true } },
      toolInput: { q: "pizza" },
      toolOutput: { items: [1, 2] },
      toolResponseMetadata: { "openai/widgetSessionId": "ws_1" },
      widgetState: null,
      view: { mode: "inline" },
    });
  });

  it("keeps defaults for globals the host has not set yet", () => {
    installOpenAi({ toolOutput: undefined, maxHeight: undefined, theme: undefined });
    app = createInlayApp();
    const snap = app.getSnapshot();
    expect(snap.toolOutput).toBeNull();
    expect(snap.maxHeight).toBeNull();
    expect(["light", "dark"]).toContain(snap.theme);
  });

  it("applies openai:set_globals events and notifies subscribers", () => {
    installOpenAi();
    app = createInlayApp();
    const seen = vi.fn();
    app.subscribe(seen);
    const before = app.getSnapshot();

    setGlobals({ theme: "dark", displayMode: "fullscreen", toolOutput: { items: [3] } });
    const after = app.getSnapshot();
    expect(seen).toHaveBeenCalledTimes(1);
    expect(after).toMatchObject({ theme: "dark", displayMode: "fullscreen", toolOutput: { items: [3] } });
    expect(after.locale).toBe("en-US");
    expect(after.toolInput).toBe(before.toolInput);
  });

  it("re-reads window.openai when an event carries no globals", () => {
    const oa = installOpenAi();
    app = createInlayApp();
    oa.locale = "de-DE";
    window.dispatchEvent(new CustomEvent("openai:set_globals"));
    expect(app.getSnapshot().locale).toBe("de-DE");
  });

  it("picks up window.openai injected after the runtime started", () => {
    app = createInlayApp();
    expect(app.getSnapshot().host).toBe("none");
    installOpenAi({ toolOutput: { late: true } });
    window.dispatchEvent(new CustomEvent("openai:set_globals", { detail: { globals: { toolOutput: { late: true } } } }));
    expect(app.getSnapshot()).toMatchObject({ host: "openai", toolOutput: { late: true } });
  });
});

describe("window.openai methods are preferred", () => {
  it("routes every method to window.openai on a top-level ChatGPT page", async () => {
    const oa = installOpenAi();
    app = createInlayApp();

    expect(await app.callTool("search", { q: "x" })).toEqual({ structuredContent: { ok: true }, content: [] });
    expect(oa.callTool).toHaveBeenCalledWith("search", { q: "x" });

    await app.sendFollowUpMessage("hello");
    await app.sendFollowUpMessage({ prompt: "quiet", scrollToBottom: false });
    expect(oa.sendFollowUpMessage).toHaveBeenNthCalledWith(1, { prompt: "hello" });
    expect(oa.sendFollowUpMessage).toHaveBeenNthCalledWith(2, { prompt: "quiet", scrollToBottom: false });

    await app.openExternal("https://example.com");
    await app.openExternal({ href: "https://pay.example.com", redirectUrl: false });
    expect(oa.openExternal).toHaveBeenNthCalledWith(1, { href: "https://example.com" });
    expect(oa.openExternal).toHaveBeenNthCalledWith(2, { href: "https://pay.example.com", redirectUrl: false });
    await expect(app.openExternal("javascript:alert(1)")).rejects.toThrow(/only http and https/);
    expect(oa.openExternal).toHaveBeenCalledTimes(2);

    expect(await app.requestDisplayMode("pip")).toBe("fullscreen");
    expect(oa.requestDisplayMode).toHaveBeenCalledWith({ mode: "pip" });
    expect(app.getSnapshot().displayMode).toBe("fullscreen");

    expect(await app.requestModal({ template: "ui://widget/detail.html", params: { id: 1 } })).toEqual({ ok: 1 });
    expect(oa.requestModal).toHaveBeenCalledWith({ template: "ui://widget/detail.html", params: { id: 1 } });

    const file = new File(["x"], "a.png", { type: "image/png" });
    expect(await app.uploadFile(file, { library: true })).toEqual({ fileId: "file_1" });
    expect(oa.uploadFile).toHaveBeenCalledWith(file, { library: true });
    expect(await app.getFileDownloadUrl({ fileId: "file_1" })).toEqual({ downloadUrl: "https://files.example/1" });

    await app.requestClose();
    expect(oa.requestClose).toHaveBeenCalledTimes(1);
    app.notifyIntrinsicHeight(250);
    expect(oa.notifyIntrinsicHeight).toHaveBeenCalledWith(250);
  });

  it("uses the requested mode when ChatGPT answers without one", async () => {
    installOpenAi({ requestDisplayMode: vi.fn(async () => undefined as never) });
    app = createInlayApp();
    expect(await app.requestDisplayMode("fullscreen")).toBe("fullscreen");
  });

  it("also connects the ui/* bridge in ChatGPT's iframe but sends the calls through window.openai", async () => {
    const host = new FakeHost().install();
    const oa = installOpenAi();
    app = createInlayApp({ autoResize: false });
    await app.connect();
    expect(app.getSnapshot()).toMatchObject({ host: "openai", connected: true });
    await app.callTool("search");
    await app.openExternal("https://example.com");
    expect(oa.callTool).toHaveBeenCalled();
    expect(host.methods()).toEqual(["ui/initialize", "ui/notifications/initialized"]);
  });

  it("falls back to the bridge for a method window.openai lacks", async () => {
    const host = new FakeHost().install();
    host.handlers["tools/call"] = () => ({ structuredContent: { via: "bridge" } });
    installOpenAi({ callTool: undefined });
    app = createInlayApp({ autoResize: false });
    expect(await app.callTool("search", { q: 1 })).toEqual({ structuredContent: { via: "bridge" } });
    expect(host.of("tools/call")[0]!.params).toEqual({ name: "search", arguments: { q: 1 } });
  });

  it("names the missing window.openai method when neither host offers it", async () => {
    installOpenAi({ requestModal: undefined });
    app = createInlayApp();
    await expect(app.requestModal()).rejects.toThrow(/lacks window\.openai\.requestModal/);
  });
});
