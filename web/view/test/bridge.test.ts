import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createInlayApp, type InlayApp, type InlayOptions } from "../src/app";
import { RpcError, TIMEOUT_CODE } from "../src/rpc";
import { FakeHost, initializeResult, resetParent, tick } from "./fake-host";

let host: FakeHost;
let app: InlayApp | undefined;

async function connected(options: InlayOptions = {}): Promise<InlayApp> {
  app = createInlayApp({ autoResize: false, ...options });
  await app.connect();
  return app;
}

beforeEach(() => {
  host = new FakeHost().install();
});
afterEach(() => {
  app?.destroy();
  app = undefined;
  resetParent();
  localStorage.clear();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe("handshake", () => {
  it("sends ui/initialize with appInfo, capabilities and protocol version, then initialized", async () => {
    app = createInlayApp({ appInfo: { name: "cart", version: "3.0.0" }, displayModes: ["inline", "fullscreen"] });
    expect(host.methods()).toEqual(["ui/initialize"]);
    const init = host.posted[0]!;
    expect(init).toEqual({
      jsonrpc: "2.0",
      id: 1,
      method: "ui/initialize",
      params: {
        appInfo: { name: "cart", version: "3.0.0" },
        appCapabilities: { availableDisplayModes: ["inline", "fullscreen"] },
        protocolVersion: "2026-01-26",
      },
    });
    await app.connect();
    expect(host.methods()).toEqual(["ui/initialize", "ui/notifications/initialized"]);
    expect(host.posted[1]).toEqual({ jsonrpc: "2.0", method: "ui/notifications/initialized", params: {} });
  });

  it("defaults appInfo to the document title and declares all display modes", async () => {
    document.title = "My widget";
    await connected();
    expect(host.posted[0]!.params).toMatchObject({
      appInfo: { name: "My widget", version: "0.0.0" },
      appCapabilities: { availableDisplayModes: ["inline", "fullscreen", "pip"] },
    });
  });

  it("does not send the initialized notification before the host answers", async () => {
    delete host.handlers["ui/initialize"];
    app = createInlayApp({ autoResize: false });
    await tick(5);
    expect(host.methods()).toEqual(["ui/initialize"]);
    host.send({ jsonrpc: "2.0", id: 1, result: initializeResult() });
    await app.connect();
    expect(host.methods()).toEqual(["ui/initialize", "ui/notifications/initialized"]);
  });

  it("maps the host context of the initialize result onto the snapshot", async () => {
    const snap = (await connected()).getSnapshot();
    expect(snap).toMatchObject({
      host: "mcp-apps",
      connected: true,
      theme: "dark",
      locale: "fr-FR",
      displayMode: "inline",
      maxHeight: 600,
      safeArea: { insets: { top: 1, right: 2, bottom: 3, left: 4 } },
      userAgent: {
        device: { type: "desktop" },
        capabilities: { hover: true, touch: false },
        platform: "web",
        host: "fake-host/1.0",
      },
      hostInfo: { name: "fake-host", version: "1.0.0" },
      hostCapabilities: { openLinks: {}, serverTools: {} },
    });
    expect(snap.hostContext.toolInfo).toEqual({ id: 17, tool: { name: "show_cart" } });
  });

  it("reuses one connection when created or connected twice", async () => {
    const first = createInlayApp({ autoResize: false });
    const second = createInlayApp();
    app = first;
    expect(second).toBe(first);
    expect(first.connect()).toBe(first.connect());
    await Promise.all([first.connect(), second.connect()]);
    expect(host.of("ui/initialize")).toHaveLength(1);
    expect(host.of("ui/notifications/initialized")).toHaveLength(1);
  });

  it("creates a fresh instance after destroy", async () => {
    const first = await connected();
    first.destroy();
    app = createInlayApp({ autoResize: false });
    expect(app).not.toBe(first);
    await app.connect();
    expect(host.of("ui/initialize")).toHaveLength(2);
  });

  it("rejects connect on a top-level page", async () => {
    resetParent();
    app = createInlayApp();
    expect(app.getSnapshot().host).toBe("none");
    await expect(app.connect()).rejects.toThrow(/not inside an iframe/);
  });
});

describe("streamed tool input (tool-input-partial)", () => {
  const partial = (args: unknown) => host.notify("ui/notifications/tool-input-partial", { arguments: args });
  const final = (args: unknown) => host.notify("ui/notifications/tool-input", { arguments: args });
  const state = () => {
    const { toolInput, toolInputPartial } = app!.getSnapshot();
    return { toolInput, toolInputPartial };
  };

  it("keeps the latest partial arguments apart from the complete ones, until those arrive", async () => {
    await connected();
    partial({ title: "Bu" });
    expect(state()).toEqual({ toolInput: null, toolInputPartial: { title: "Bu" } });
    partial({ title: "Buy mi", column: "to" });
    expect(state()).toEqual({ toolInput: null, toolInputPartial: { title: "Buy mi", column: "to" } });
    final({ title: "Buy milk", column: "todo" });
    expect(state()).toEqual({ toolInput: { title: "Buy milk", column: "todo" }, toolInputPartial: null });
  });

  it("ignores partials that arrive after the complete arguments, until the call ends", async () => {
    await connected();
    partial({ title: "Buy" });
    final({ title: "Buy milk" });
    const seen = vi.fn();
    app!.subscribe(seen);
    partial({ title: "Buy" }); // stale: the host must stop streaming once tool-input is sent
    expect(state()).toEqual({ toolInput: { title: "Buy milk" }, toolInputPartial: null });
    expect(seen).not.toHaveBeenCalled();

    host.notify("ui/notifications/tool-result", { structuredContent: { ok: true } });
    partial({ title: "Call" }); // a later call of the same view streams again
    expect(state()).toEqual({ toolInput: { title: "Buy milk" }, toolInputPartial: { title: "Call" } });
  });

  it("drops the partial arguments when the call is cancelled or the result comes first", async () => {
    await connected();
    partial({ title: "Bu" });
    host.notify("ui/notifications/tool-cancelled", { reason: "user" });
    expect(state()).toEqual({ toolInput: null, toolInputPartial: null });
    partial({ title: "Again" });
    expect(state().toolInputPartial).toEqual({ title: "Again" });
    host.notify("ui/notifications/tool-result", { structuredContent: {} });
    expect(state().toolInputPartial).toBeNull();
  });

  it("treats arguments that are not an object as empty", async () => {
    await connected();
    partial("not an object");
    expect(state().toolInputPartial).toEqual({});
  });
});

describe("notifications from the host", () => {
  it("stores streamed and final tool input, the result and a cancellation", async () => {
    const a = await connected();
    const seen = vi.fn();
    a.subscribe(seen);

    host.notify("ui/notifications/tool-input-partial", { arguments: { cartId: "c_" } });
    expect(a.getSnapshot()).toMatchObject({ toolInput: null, toolInputPartial: { cartId: "c_" } });

    host.notify("ui/notifications/tool-input", { arguments: { cartId: "c_42" } });
    expect(a.getSnapshot()).toMatchObject({ toolInput: { cartId: "c_42" }, toolInputPartial: null });

    const result = {
      content: [{ type: "text", text: "Cart c_42 has 2 items." }],
      structuredContent: { cartId: "c_42", items: [] },
      _meta: { "openai/widgetSessionId": "c_42" },
    };
    host.notify("ui/notifications/tool-result", result);
    expect(a.getSnapshot()).toMatchObject({
      toolOutput: { cartId: "c_42", items: [] },
      toolResponseMetadata: { "openai/widgetSessionId": "c_42" },
      toolResult: result,
      toolCancelled: null,
    });

    host.notify("ui/notifications/tool-cancelled", { reason: "user stopped" });
    expect(a.getSnapshot().toolCancelled).toEqual({ reason: "user stopped" });
    expect(seen).toHaveBeenCalledTimes(4);
  });

  it("gives a result without structuredContent or _meta null fields", async () => {
    const a = await connected();
    host.notify("ui/notifications/tool-result", { content: [], isError: true });
    expect(a.getSnapshot()).toMatchObject({ toolOutput: null, toolResponseMetadata: null, toolResult: { isError: true } });
  });

  it("merges host-context-changed into the current context", async () => {
    const a = await connected();
    const before = a.getSnapshot();
    host.notify("ui/notifications/host-context-changed", { theme: "light" });
    let snap = a.getSnapshot();
    expect(snap).not.toBe(before);
    expect(snap).toMatchObject({ theme: "light", locale: "fr-FR", maxHeight: 600, displayMode: "inline" });
    expect(snap.hostContext).toMatchObject({ theme: "light", locale: "fr-FR", toolInfo: { id: 17 } });
    expect(snap.userAgent).toBe(before.userAgent);

    host.notify("ui/notifications/host-context-changed", {
      displayMode: "fullscreen",
      containerDimensions: { height: 300, width: 400 },
      safeAreaInsets: { top: 9, right: 0, bottom: 0, left: 0 },
      platform: "mobile",
      deviceCapabilities: { touch: true, hover: false },
    });
    snap = a.getSnapshot();
    expect(snap).toMatchObject({
      displayMode: "fullscreen",
      maxHeight: 300,
      safeArea: { insets: { top: 9 } },
      userAgent: { device: { type: "mobile" }, capabilities: { touch: true, hover: false }, host: "fake-host/1.0" },
    });
    expect(snap.theme).toBe("light");
  });

  it("treats a touch-only web platform as a mobile device", async () => {
    const a = await connected();
    host.notify("ui/notifications/host-context-changed", { deviceCapabilities: { touch: true, hover: false } });
    expect(a.getSnapshot().userAgent.device.type).toBe("mobile");
  });

  it("ignores messages from any window other than the parent", async () => {
    const a = await connected();
    const before = a.getSnapshot();
    host.send({ jsonrpc: "2.0", method: "ui/notifications/tool-result", params: { structuredContent: { x: 1 } } }, {});
    host.send({ jsonrpc: "2.0", method: "ui/notifications/tool-result", params: { structuredContent: { x: 1 } } }, null);
    host.send({ jsonrpc: "2.0", method: "ui/notifications/tool-result", params: { structuredContent: { x: 1 } } }, window);
    expect(a.getSnapshot()).toBe(before);
  });

  it("ignores messages that are not JSON-RPC 2.0", async () => {
    const a = await connected();
    const before = a.getSnapshot();
    host.send("ui/notifications/tool-result");
    host.send(null);
    host.send({ method: "ui/notifications/tool-result", params: { structuredContent: { x: 1 } } });
    host.send({ jsonrpc: "1.0", method: "ui/notifications/tool-result", params: { structuredContent: { x: 1 } } });
    host.send({ type: "webpackOk" });
    expect(a.getSnapshot()).toBe(before);
    expect(host.methods()).toEqual(["ui/initialize", "ui/notifications/initialized"]);
  });

  it("ignores unknown notifications", async () => {
    const a = await connected();
    const before = a.getSnapshot();
    host.notify("notifications/tools/list_changed");
    expect(a.getSnapshot()).toBe(before);
  });
});

describe("requests from the host", () => {
  it("answers ping", async () => {
    await connected();
    expect(await host.request(99, "ping")).toEqual({ jsonrpc: "2.0", id: 99, result: {} });
  });

  it("answers ui/resource-teardown after the teardown handlers, with or without a reason", async () => {
    const a = await connected();
    const order: string[] = [];
    a.onTeardown(async ({ reason }) => {
      await tick(5);
      order.push(`handler:${reason ?? "none"}`);
    });
    const first = host.request("t1", "ui/resource-teardown", {}).then((m) => (order.push("reply"), m));
    expect(await first).toEqual({ jsonrpc: "2.0", id: "t1", result: {} });
    expect(await host.request("t2", "ui/resource-teardown", { reason: "closed" })).toMatchObject({ result: {} });
    expect(order).toEqual(["handler:none", "reply", "handler:closed"]);
  });

  it("replies with an error when a teardown handler throws, and stops calling removed handlers", async () => {
    const a = await connected();
    const off = a.onTeardown(() => {
      throw new Error("busy");
    });
    expect(await host.request(5, "ui/resource-teardown")).toMatchObject({ id: 5, error: { code: -32603, message: "busy" } });
    off();
    expect(await host.request(6, "ui/resource-teardown")).toMatchObject({ id: 6, result: {} });
  });

  it("answers unknown methods with method-not-found", async () => {
    await connected();
    expect(await host.request(7, "tools/list")).toMatchObject({ id: 7, error: { code: -32601 } });
  });
});

describe("requests from the view", () => {
  it("calls a tool with increasing ids and resolves with the result", async () => {
    host.handlers["tools/call"] = (p) => ({ content: [], structuredContent: { echoed: p } });
    const a = await connected();
    const r1 = await a.callTool("update_quantity", { qty: 2 });
    const r2 = await a.callTool("noop");
    expect(r1.structuredContent).toEqual({ echoed: { name: "update_quantity", arguments: { qty: 2 } } });
    expect(r2.structuredContent).toEqual({ echoed: { name: "noop", arguments: {} } });
    expect(host.of("tools/call").map((m) => m.id)).toEqual([2, 3]);
  });

  it("keeps a tool result with isError as a result", async () => {
    host.handlers["tools/call"] = () => ({ content: [{ type: "text", text: "bad" }], isError: true });
    const a = await connected();
    await expect(a.callTool("x")).resolves.toMatchObject({ isError: true });
  });

  it("waits for the handshake before sending a request", async () => {
    host.handlers["tools/call"] = () => ({ content: [] });
    app = createInlayApp({ autoResize: false });
    const call = app.callTool("early");
    expect(host.methods()).toEqual(["ui/initialize"]);
    await call;
    expect(host.methods().slice(0, 3)).toEqual(["ui/initialize", "ui/notifications/initialized", "tools/call"]);
  });

  it("rejects with the JSON-RPC code and message of an error reply", async () => {
    host.handlers["tools/call"] = () => ({ __error: { code: -32602, message: "Unknown tool: nope" } });
    const a = await connected();
    const error = await a.callTool("nope").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RpcError);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ code: -32602, message: "Unknown tool: nope" });
  });

  it("times out a request after the configured delay and ignores the late answer", async () => {
    const a = await connected({ requestTimeout: 40 });
    const started = Date.now();
    const error = (await a.callTool("slow").catch((e: unknown) => e)) as RpcError;
    expect(Date.now() - started).toBeGreaterThanOrEqual(35);
    expect(error).toBeInstanceOf(RpcError);
    expect(error.code).toBe(TIMEOUT_CODE);
    expect(error.message).toMatch(/tools\/call timed out after 40 ms/);
    host.send({ jsonrpc: "2.0", id: 2, result: { late: true } });
  });

  it("uses a 30 second timeout by default", async () => {
    vi.useFakeTimers();
    app = createInlayApp({ autoResize: false });
    const connecting = app.connect();
    await vi.advanceTimersByTimeAsync(1);
    await connecting;
    const call = app.callTool("slow").catch((e: RpcError) => e);
    await vi.advanceTimersByTimeAsync(29_999);
    host.send({ jsonrpc: "2.0", id: 999, result: {} });
    await vi.advanceTimersByTimeAsync(1);
    expect(await call).toMatchObject({ code: TIMEOUT_CODE });
  });

  it("does not settle a request on a response from a foreign window", async () => {
    delete host.handlers["ui/initialize"];
    app = createInlayApp({ autoResize: false });
    const settled = vi.fn();
    app.connect().then(settled, settled);
    host.send({ jsonrpc: "2.0", id: 1, result: initializeResult() }, {});
    await tick(5);
    expect(settled).not.toHaveBeenCalled();
    host.send({ jsonrpc: "2.0", id: 1, result: initializeResult() });
    await tick();
    expect(settled).toHaveBeenCalledTimes(1);
  });

  it("sends ui/message with an array of content blocks", async () => {
    host.handlers["ui/message"] = () => ({});
    const a = await connected();
    await a.sendFollowUpMessage("Check out my cart");
    await a.sendFollowUpMessage({ prompt: "Again", scrollToBottom: false });
    expect(host.of("ui/message").map((m) => m.params)).toEqual([
      { role: "user", content: [{ type: "text", text: "Check out my cart" }] },
      { role: "user", content: [{ type: "text", text: "Again" }] },
    ]);
  });

  it("opens links with ui/open-link and rejects a refusal", async () => {
    let refuse = false;
    host.handlers["ui/open-link"] = () => (refuse ? { isError: true } : {});
    const a = await connected();
    await a.openExternal("https://example.com/docs");
    await a.openExternal({ href: "https://example.com/b", redirectUrl: false });
    expect(host.of("ui/open-link").map((m) => m.params)).toEqual([
      { url: "https://example.com/docs" },
      { url: "https://example.com/b" },
    ]);
    refuse = true;
    await expect(a.openExternal("https://x.example")).rejects.toThrow(/ui\/open-link was refused/);
  });

  it("refuses links that are not absolute http(s) URLs before they reach the host", async () => {
    host.handlers["ui/open-link"] = () => ({});
    const a = await connected();
    for (const bad of ["javascript:alert(1)", "data:text/html,<script>alert(1)</script>", "/relative/path", "file:///etc/passwd"]) {
      await expect(a.openExternal(bad)).rejects.toThrow(/Cannot open/);
    }
    expect(host.of("ui/open-link")).toHaveLength(0);
  });

  it("requests a display mode and returns the mode the host granted", async () => {
    host.handlers["ui/request-display-mode"] = (p) => ({ mode: p.mode === "pip" ? "inline" : p.mode });
    const a = await connected();
    expect(await a.requestDisplayMode("fullscreen")).toBe("fullscreen");
    expect(a.getSnapshot().displayMode).toBe("fullscreen");
    expect(await a.requestDisplayMode("pip")).toBe("inline");
    expect(a.getSnapshot().displayMode).toBe("inline");
    host.handlers["ui/request-display-mode"] = () => ({});
    expect(await a.requestDisplayMode("fullscreen")).toBe("inline");
    expect(host.of("ui/request-display-mode").map((m) => m.params)).toEqual([
      { mode: "fullscreen" },
      { mode: "pip" },
      { mode: "fullscreen" },
    ]);
  });

  it("sends ui/update-model-context", async () => {
    host.handlers["ui/update-model-context"] = () => ({});
    const a = await connected();
    await a.updateModelContext({ content: [{ type: "text", text: "qty 2" }], structuredContent: { cartId: "c_42" } });
    expect(host.of("ui/update-model-context")[0]!.params).toEqual({
      content: [{ type: "text", text: "qty 2" }],
      structuredContent: { cartId: "c_42" },
    });
  });

  it("logs with notifications/message once connected", async () => {
    app = createInlayApp({ autoResize: false, appInfo: { name: "cart", version: "1" } });
    app.log("info", "before handshake");
    await app.connect();
    app.log("error", { message: "boom" });
    expect(host.of("notifications/message").map((m) => m.params)).toEqual([
      { level: "error", logger: "cart", data: { message: "boom" } },
    ]);
  });

  it("asks for teardown and reports an intrinsic height over the bridge", async () => {
    const a = await connected();
    await a.requestClose();
    a.notifyIntrinsicHeight(321);
    expect(host.methods().slice(2)).toEqual(["ui/notifications/request-teardown", "ui/notifications/size-changed"]);
    expect(host.of("ui/notifications/size-changed")[0]!.params).toEqual({ height: 321 });
  });

  it("opens links that the bootstrap hands over with the inlay:open-link event", async () => {
    host.handlers["ui/open-link"] = () => ({});
    await connected();
    const event = new CustomEvent("inlay:open-link", { detail: { href: "https://docs.example/" }, cancelable: true });
    expect(window.dispatchEvent(event)).toBe(false);
    expect((await host.next("ui/open-link")).params).toEqual({ url: "https://docs.example/" });
  });

  it("rejects pending requests when destroyed", async () => {
    const a = await connected();
    const call = a.callTool("never");
    await tick();
    a.destroy();
    await expect(call).rejects.toThrow(/connection closed/);
  });
});

describe("missing host capabilities", () => {
  it("names the missing capability", async () => {
    host.handlers["ui/initialize"] = () => initializeResult({ hostCapabilities: {} });
    const a = await connected();
    await expect(a.openExternal("https://example.com")).rejects.toThrow(
      'ui/open-link is not available: the host lacks the "openLinks" host capability',
    );
    await expect(a.callTool("x")).rejects.toThrow('the host lacks the "serverTools" host capability');
    expect(host.of("ui/open-link")).toHaveLength(0);
    expect(host.of("tools/call")).toHaveLength(0);
  });

  it("names window.openai for ChatGPT-only features in an MCP Apps host", async () => {
    const a = await connected();
    await expect(a.requestModal({ title: "x" })).rejects.toThrow(
      "requestModal is not available: the host lacks window.openai.requestModal (a ChatGPT-only feature)",
    );
    await expect(a.uploadFile(new File(["x"], "a.png"))).rejects.toThrow(/window\.openai\.uploadFile/);
    await expect(a.getFileDownloadUrl({ fileId: "f" })).rejects.toThrow(/window\.openai\.getFileDownloadUrl/);
  });

  it("says there is no host on a top-level page", async () => {
    resetParent();
    app = createInlayApp();
    await expect(app.callTool("x")).rejects.toThrow(/tools\/call is not available: no MCP Apps host/);
    await expect(app.sendFollowUpMessage("hi")).rejects.toThrow(/ui\/message is not available: no MCP Apps host/);
    await expect(app.requestClose()).rejects.toThrow(/requestClose is not available/);
  });
});

describe("size-changed", () => {
  let observers: { callback: ResizeObserverCallback; targets: Element[] }[];
  let frames: FrameRequestCallback[];
  let height: number;

  beforeEach(() => {
    observers = [];
    frames = [];
    height = 412;
    vi.stubGlobal(
      "ResizeObserver",
      class {
        targets: Element[] = [];
        constructor(public callback: ResizeObserverCallback) {
          observers.push(this);
        }
        observe(el: Element) {
          this.targets.push(el);
        }
        disconnect() {}
        unobserve() {}
      },
    );
    vi.stubGlobal("requestAnimationFrame", (cb: FrameRequestCallback) => frames.push(cb));
    vi.stubGlobal("cancelAnimationFrame", () => {});
    vi.stubGlobal("innerWidth", 720);
    vi.spyOn(document.documentElement, "getBoundingClientRect").mockImplementation(
      () => ({ height, width: 720 }) as DOMRect,
    );
  });

  const resize = () => observers[0]!.callback([], observers[0] as unknown as ResizeObserver);
  const flush = () => frames.splice(0).forEach((f) => f(0));

  it("observes html and body once connected and sends one size per frame, only on change", async () => {
    app = createInlayApp();
    expect(observers).toHaveLength(0);
    await app.connect();
    expect(observers).toHaveLength(1);
    expect(observers[0]!.targets).toEqual([document.documentElement, document.body]);

    resize();
    resize();
    resize();
    expect(frames).toHaveLength(1);
    flush();
    expect(host.of("ui/notifications/size-changed").map((m) => m.params)).toEqual([{ width: 720, height: 412 }]);

    resize();
    flush();
    expect(host.of("ui/notifications/size-changed")).toHaveLength(1);

    height = 500.2;
    resize();
    flush();
    expect(host.of("ui/notifications/size-changed").map((m) => m.params)).toEqual([
      { width: 720, height: 412 },
      { width: 720, height: 501 },
    ]);
    expect(document.documentElement.style.height).toBe("");
  });

  it("can be turned off", async () => {
    await connected({ autoResize: false });
    expect(observers).toHaveLength(0);
  });
});
