/**
 * A fake MCP Apps host for tests: it stands in for `window.parent`, records everything the view posts, answers
 * requests through per-method handlers, and delivers messages to the view as MessageEvents whose `source` is
 * itself (or anything else, to test filtering).
 */
import { vi } from "vitest";
import type { InitializeResult, OpenAiApi } from "../src/types";

export interface Posted {
  jsonrpc: "2.0";
  id?: string | number;
  method?: string;
  params?: Record<string, any>;
  result?: any;
  error?: { code: number; message: string };
}

type Handler = (params: any) => unknown | { __error: { code: number; message: string } };

export const initializeResult = (over: Partial<InitializeResult> = {}): InitializeResult => ({
  protocolVersion: "2026-01-26",
  hostInfo: { name: "fake-host", version: "1.0.0" },
  hostCapabilities: { openLinks: {}, serverTools: {}, logging: {}, updateModelContext: { structuredContent: {} } },
  hostContext: {
    toolInfo: { id: 17, tool: { name: "show_cart" } },
    theme: "dark",
    displayMode: "inline",
    containerDimensions: { width: 720, maxHeight: 600 },
    locale: "fr-FR",
    userAgent: "fake-host/1.0",
    platform: "web",
    deviceCapabilities: { touch: false, hover: true },
    safeAreaInsets: { top: 1, right: 2, bottom: 3, left: 4 },
  },
  ...over,
});

export class FakeHost {
  readonly posted: Posted[] = [];
  readonly handlers: Record<string, Handler> = {
    "ui/initialize": () => initializeResult(),
  };
  private waiters: { match: (m: Posted) => boolean; resolve: (m: Posted) => void }[] = [];

  /** What `window.parent.postMessage` receives. Requests with a handler are answered on a later task. */
  postMessage = (message: Posted, _origin: string): void => {
    const m = JSON.parse(JSON.stringify(message)) as Posted;
    this.posted.push(m);
    this.waiters = this.waiters.filter((w) => (w.match(m) ? (w.resolve(m), false) : true));
    const handler = m.method && m.id != null ? this.handlers[m.method] : undefined;
    if (handler) {
      setTimeout(() => {
        const result = handler(m.params) as any;
        if (result && result.__error) this.send({ jsonrpc: "2.0", id: m.id, error: result.__error });
        else this.send({ jsonrpc: "2.0", id: m.id, result });
      }, 0);
    }
  };

  /** Makes this object the view's `window.parent`. */
  install(): this {
    Object.defineProperty(window, "parent", { value: this, configurable: true });
    return this;
  }

  /** Delivers a message to the view as if posted by `source` (default: this host). */
  send(data: unknown, source: unknown = this): void {
    const event = new MessageEvent("message", { data });
    Object.defineProperty(event, "source", { value: source });
    window.dispatchEvent(event);
  }

  notify(method: string, params: Record<string, unknown> = {}): void {
    this.send({ jsonrpc: "2.0", method, params });
  }

  /** Sends a request to the view and resolves with the view's response message. */
  request(id: number | string, method: string, params: Record<string, unknown> = {}): Promise<Posted> {
    const response = this.next((m) => m.id === id && !m.method);
    this.send({ jsonrpc: "2.0", id, method, params });
    return response;
  }

  /** Resolves with the next posted message that matches (or one already posted). */
  next(match: string | ((m: Posted) => boolean)): Promise<Posted> {
    const fn = typeof match === "string" ? (m: Posted) => m.method === match : match;
    const found = this.posted.find(fn);
    if (found) return Promise.resolve(found);
    return new Promise((resolve) => this.waiters.push({ match: fn, resolve }));
  }

  methods(): string[] {
    return this.posted.map((m) => m.method ?? `response:${m.id}`);
  }

  of(method: string): Posted[] {
    return this.posted.filter((m) => m.method === method);
  }
}

/** Restores `window.parent` to the window itself (a top-level page). */
export function resetParent(): void {
  Object.defineProperty(window, "parent", { value: window, configurable: true });
}

/** Installs a fake `window.openai` with the given globals and spied methods. */
export function installOpenAi(globals: Partial<OpenAiApi> = {}): OpenAiApi {
  const api: OpenAiApi = {
    theme: "light",
    locale: "en-US",
    displayMode: "inline",
    maxHeight: 480,
    safeArea: { insets: { top: 0, right: 0, bottom: 20, left: 0 } },
    userAgent: { device: { type: "mobile" }, capabilities: { hover: false, touch: true } },
    toolInput: { q: "pizza" },
    toolOutput: { items: [1, 2] },
    toolResponseMetadata: { "openai/widgetSessionId": "ws_1" },
    widgetState: null,
    view: { mode: "inline" },
    callTool: vi.fn(async () => ({ structuredContent: { ok: true }, content: [] })),
    sendFollowUpMessage: vi.fn(async () => {}),
    openExternal: vi.fn(),
    requestDisplayMode: vi.fn(async ({ mode }) => ({ mode: mode === "pip" ? "fullscreen" : mode })),
    setWidgetState: vi.fn(async () => {}),
    requestModal: vi.fn(async () => ({ ok: 1 })),
    requestClose: vi.fn(async () => {}),
    notifyIntrinsicHeight: vi.fn(),
    uploadFile: vi.fn(async () => ({ fileId: "file_1" })),
    getFileDownloadUrl: vi.fn(async () => ({ downloadUrl: "https://files.example/1" })),
    ...globals,
  };
  (window as any).openai = api;
  return api;
}

export function removeOpenAi(): void {
  delete (window as any).openai;
}

/** Dispatches ChatGPT's `openai:set_globals` event after updating `window.openai`. */
export function setGlobals(globals: Record<string, unknown>): void {
  Object.assign((window as any).openai, globals);
  window.dispatchEvent(new CustomEvent("openai:set_globals", { detail: { globals } }));
}

export const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));
