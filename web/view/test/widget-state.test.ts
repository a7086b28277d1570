import { afterEach, describe, expect, it, vi } from "vitest";
import { createInlayApp, type InlayApp } from "../src/app";
import { widgetStateStore } from "../src/widget-state-store";
import { FakeHost, initializeResult, installOpenAi, removeOpenAi, resetParent, setGlobals } from "./fake-host";

let app: InlayApp | undefined;
const KEY = "inlay:widget-state:";

afterEach(() => {
  app?.destroy();
  app = undefined;
  removeOpenAi();
  resetParent();
  vi.restoreAllMocks();
  localStorage.clear();
});

function mcpHost(): FakeHost {
  const host = new FakeHost().install();
  host.handlers["ui/update-model-context"] = () => ({});
  return host;
}

describe("in ChatGPT", () => {
  it("uses window.openai.setWidgetState and its widgetState global", async () => {
    const oa = installOpenAi({ widgetState: { modelContent: { page: 1 } } });
    app = createInlayApp();
    expect(app.getSnapshot().widgetState).toEqual({ modelContent: { page: 1 } });

    const next = { modelContent: { page: 2 }, privateContent: { scroll: 10 } };
    await app.setWidgetState(next);
    expect(oa.setWidgetState).toHaveBeenCalledWith(next);
    expect(app.getSnapshot().widgetState).toBe(next);
    expect(localStorage.length).toBe(0);

    setGlobals({ widgetState: { modelContent: { page: 3 } } });
    expect(app.getSnapshot().widgetState).toEqual({ modelContent: { page: 3 } });
  });

  it("sends no update-model-context itself (ChatGPT maps setWidgetState to it)", async () => {
    const host = mcpHost();
    installOpenAi();
    app = createInlayApp({ autoResize: false });
    await app.connect();
    await app.setWidgetState({ count: 1 });
    expect(host.of("ui/update-model-context")).toHaveLength(0);
  });
});

describe("in an MCP Apps host", () => {
  it("sends only modelContent of a structured state and persists the whole state per tool call id", async () => {
    const host = mcpHost();
    app = createInlayApp({ autoResize: false });
    await app.connect();
    const state = { modelContent: { selected: ["pz-1"] }, privateContent: { expanded: true } };
    await app.setWidgetState(state);
    expect(app.getSnapshot().widgetState).toBe(state);
    expect(host.of("ui/update-model-context")[0]!.params).toEqual({ structuredContent: { selected: ["pz-1"] } });
    expect(JSON.parse(localStorage.getItem(`${KEY}17`)!)).toEqual(state);
  });

  it("sends the whole state when it is not structured, and text for non-object model content", async () => {
    const host = mcpHost();
    app = createInlayApp({ autoResize: false });
    await app.connect();
    await app.setWidgetState({ count: 2 });
    await app.setWidgetState({ modelContent: "User picked Margherita" });
    await app.setWidgetState(5);
    await app.setWidgetState(null);
    expect(host.of("ui/update-model-context").map((m) => m.params)).toEqual([
      { structuredContent: { count: 2 } },
      { content: [{ type: "text", text: "User picked Margherita" }] },
      { content: [{ type: "text", text: "5" }] },
      { content: [] },
    ]);
  });

  it("keys state by openai/widgetSessionId once the result carries it, carrying the current state over", async () => {
    const host = mcpHost();
    app = createInlayApp({ autoResize: false });
    await app.connect();
    await app.setWidgetState({ count: 1 });
    host.notify("ui/notifications/tool-result", { structuredContent: {}, _meta: { "openai/widgetSessionId": "ws_9" } });
    expect(app.getSnapshot().widgetState).toEqual({ count: 1 });
    await app.setWidgetState({ count: 2 });
    expect(JSON.parse(localStorage.getItem(`${KEY}ws_9`)!)).toEqual({ count: 2 });
    expect(JSON.parse(localStorage.getItem(`${KEY}17`)!)).toEqual({ count: 1 });
  });

  it("restores saved state when the widget is rendered again", async () => {
    localStorage.setItem(`${KEY}ws_9`, JSON.stringify({ count: 7 }));
    const host = mcpHost();
    app = createInlayApp({ autoResize: false });
    await app.connect();
    expect(app.getSnapshot().widgetState).toBeNull();
    host.notify("ui/notifications/tool-result", { _meta: { "openai/widgetSessionId": "ws_9" } });
    expect(app.getSnapshot().widgetState).toEqual({ count: 7 });
  });

  it("restores state saved under the tool call id at handshake", async () => {
    const host = mcpHost();
    app = createInlayApp({ autoResize: false });
    await app.connect();
    await app.setWidgetState({ tab: "b" });
    app.destroy();
    host.posted.length = 0;
    app = createInlayApp({ autoResize: false });
    await app.connect();
    expect(app.getSnapshot().widgetState).toEqual({ tab: "b" });
  });

  it("falls back to the page URL when the host gives no instance id", async () => {
    const host = mcpHost();
    host.handlers["ui/initialize"] = () => initializeResult({ hostContext: {} });
    app = createInlayApp({ autoResize: false });
    await app.connect();
    await app.setWidgetState({ a: 1 });
    expect(localStorage.getItem(KEY + location.href)).toBe('{"a":1}');
  });

  it("rejects when the host refuses the model context but keeps the state", async () => {
    const host = mcpHost();
    host.handlers["ui/update-model-context"] = () => ({ __error: { code: -32000, message: "too large" } });
    app = createInlayApp({ autoResize: false });
    await app.connect();
    await expect(app.setWidgetState({ big: true })).rejects.toMatchObject({ code: -32000, message: "too large" });
    expect(app.getSnapshot().widgetState).toEqual({ big: true });
  });
});

describe("with no host", () => {
  it("keeps state per URL and posts nothing", async () => {
    app = createInlayApp();
    await app.setWidgetState({ draft: "hi" });
    expect(app.getSnapshot().widgetState).toEqual({ draft: "hi" });
    expect(localStorage.getItem(KEY + location.href)).toBe('{"draft":"hi"}');
  });
});

describe("storage the sandbox forbids", () => {
  it("falls back to memory when localStorage throws on access", async () => {
    vi.spyOn(window, "localStorage", "get").mockImplementation(() => {
      throw new DOMException("The document is sandboxed", "SecurityError");
    });
    const host = mcpHost();
    app = createInlayApp({ autoResize: false });
    await app.connect();
    await app.setWidgetState({ count: 3 });
    expect(app.getSnapshot().widgetState).toEqual({ count: 3 });
    host.notify("ui/notifications/tool-result", { _meta: { "openai/widgetSessionId": "other" } });
    host.notify("ui/notifications/host-context-changed", { toolInfo: { id: 17 } });
    expect(app.getSnapshot().widgetState).toEqual({ count: 3 });
  });

  it("keeps state in memory when writes fail", () => {
    const broken = {
      getItem: () => null,
      setItem: () => {
        throw new DOMException("quota", "QuotaExceededError");
      },
      removeItem: () => {},
    } as unknown as Storage;
    const store = widgetStateStore(broken);
    store.save("a", { x: 1 });
    expect(store.load("a")).toEqual({ x: 1 });
    expect(store.load("b")).toBeUndefined();
  });

  it("can be told to use memory only, and survives corrupt stored JSON", () => {
    const memoryOnly = widgetStateStore(null);
    memoryOnly.save("a", [1]);
    expect(memoryOnly.load("a")).toEqual([1]);
    localStorage.setItem(`${KEY}bad`, "{not json");
    expect(widgetStateStore().load("bad")).toBeUndefined();
  });
});
