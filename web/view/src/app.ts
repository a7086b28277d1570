/**
 * InlayApp: one store and one set of methods over both hosts.
 * - MCP Apps hosts: the `ui/*` JSON-RPC bridge over postMessage (handshake, notifications, requests).
 * - ChatGPT: `window.openai` globals and `openai:set_globals` events; its methods are preferred when present.
 * The store follows the `getSnapshot()/subscribe()` contract of React's useSyncExternalStore.
 */
import { Rpc, RpcError } from "./rpc";
import { observeSize } from "./resize";
import { widgetStateStore, type WidgetStateStore } from "./widget-state-store";
import { checkExternalUrl } from "./external-url";
import { applyHostStyles, hostStylesOf } from "./host-styles";
import type {
  CallToolResult,
  ContentBlock,
  DisplayMode,
  HostCapabilities,
  HostContext,
  Implementation,
  InitializeResult,
  InlaySnapshot,
  JsonObject,
  LogLevel,
  OpenAiApi,
  OpenAiGlobals,
  UserAgent,
} from "./types";

export const PROTOCOL_VERSION = "2026-01-26";
export const SET_GLOBALS_EVENT = "openai:set_globals";
/** Dispatched (cancelable) by the bootstrap for an external link click; the runtime opens it through the host. */
const OPEN_LINK_EVENT = "inlay:open-link";

export interface InlayOptions {
  /** Sent as `appInfo` in `ui/initialize`. Default: `{ name: document.title || "inlay-view", version: "0.0.0" }`. */
  appInfo?: Implementation;
  /** Sent as `appCapabilities.availableDisplayModes`. Default: all three modes. */
  displayModes?: DisplayMode[];
  /** Timeout of every bridge request, in milliseconds. Default 30 000. */
  requestTimeout?: number;
  /** Report the document size with `ui/notifications/size-changed`. Default true. */
  autoResize?: boolean;
  /** Where widget state persists outside ChatGPT. Default localStorage (memory when the sandbox forbids it). */
  storage?: Storage | null;
}

type Listener = () => void;
type TeardownHandler = (params: { reason?: string }) => void | Promise<void>;

const GLOBAL_KEYS = [
  "theme",
  "locale",
  "displayMode",
  "maxHeight",
  "safeArea",
  "userAgent",
  "toolInput",
  "toolOutput",
  "toolResponseMetadata",
  "widgetState",
  "view",
] as const satisfies readonly (keyof OpenAiGlobals)[];

/** The `window.openai` object, when the page runs in ChatGPT (or an emulator of it). */
export const openai = (): OpenAiApi | undefined =>
  (window as unknown as { openai?: OpenAiApi }).openai ?? undefined;

/** True when there is no host at all: a top-level page without `window.openai` (dev mode). */
export const isHostless = (): boolean => window.parent === window && !openai();

const isObject = (v: unknown): v is JsonObject => !!v && typeof v === "object" && !Array.isArray(v);

const media = (query: string): boolean => !!window.matchMedia?.(query).matches;

function userAgentOf(hc: HostContext): UserAgent {
  const caps = hc.deviceCapabilities ?? {};
  const touch = caps.touch ?? media("(pointer: coarse)");
  const hover = caps.hover ?? media("(hover: hover)");
  const p = hc.platform;
  return {
    device: { type: p === "mobile" || (p === "web" && touch && !hover) ? "mobile" : p ? "desktop" : "unknown" },
    capabilities: { hover, touch },
    platform: p,
    host: hc.userAgent,
  };
}

function initialSnapshot(): InlaySnapshot {
  return {
    host: openai() ? "openai" : window.parent !== window ? "mcp-apps" : "none",
    connected: false,
    toolInput: null,
    toolInputPartial: null,
    toolOutput: null,
    toolResponseMetadata: null,
    toolResult: null,
    toolCancelled: null,
    theme: media("(prefers-color-scheme: dark)") ? "dark" : "light",
    locale: navigator.language || "en-US",
    displayMode: "inline",
    maxHeight: null,
    safeArea: { insets: { top: 0, right: 0, bottom: 0, left: 0 } },
    userAgent: userAgentOf({}),
    widgetState: null,
    view: null,
    hostInfo: null,
    hostCapabilities: null,
    hostContext: {},
    hostStyles: { variables: {}, fromHost: false, fonts: null },
  };
}

/** Error for a method the current host cannot serve; the message names the missing capability. */
function unsupported(method: string, capability: string): Error {
  return new Error(`${method} is not available: the host lacks ${capability}`);
}

let instance: InlayApp | undefined;

/**
 * The page's InlayApp. The first call creates it and starts the bridge; later calls (a second React mount,
 * another module) return the same instance, so there is only ever one `ui/initialize`.
 */
export function createInlayApp(options?: InlayOptions): InlayApp {
  return (instance ??= new InlayApp(options));
}

export class InlayApp {
  private snapshot = initialSnapshot();
  private listeners = new Set<Listener>();
  private teardownHandlers = new Set<TeardownHandler>();
  private rpc?: Rpc;
  private ready?: Promise<InitializeResult>;
  private stopResize?: () => void;
  private store: WidgetStateStore;
  private instanceId?: string;
  /** A complete `tool-input` arrived and no result or cancellation since: later partial input is stale. */
  private inputFinal = false;
  /** What the document's host styles were last written from. */
  private stylesKey?: string;
  readonly appInfo: Implementation;

  /** Prefer {@link createInlayApp}: constructing directly bypasses the page-wide singleton. */
  constructor(private options: InlayOptions = {}) {
    this.appInfo = options.appInfo ?? { name: document.title || "inlay-view", version: "0.0.0" };
    this.store = widgetStateStore(options.storage);
    const oa = openai();
    if (oa) this.applyGlobals(oa);
    else this.update({});
    addEventListener(SET_GLOBALS_EVENT, this.onSetGlobals);
    addEventListener(OPEN_LINK_EVENT, this.onOpenLink);
    if (window.parent !== window) this.connect().catch(() => {});
  }

  getSnapshot = (): InlaySnapshot => this.snapshot;

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /**
   * Performs the MCP Apps handshake (`ui/initialize`, then `ui/notifications/initialized`) once;
   * every later call returns the same promise.
   */
  connect(): Promise<InitializeResult> {
    return (this.ready ??= this.handshake());
  }

  private async handshake(): Promise<InitializeResult> {
    if (window.parent === window) throw new Error("No MCP Apps host: the page is not inside an iframe");
    const o = this.options;
    this.rpc = new Rpc(window.parent, this.onNotification, this.onRequest, o.requestTimeout);
    const result = await this.rpc.request<InitializeResult>("ui/initialize", {
      appInfo: this.appInfo,
      appCapabilities: { availableDisplayModes: o.displayModes ?? ["inline", "fullscreen", "pip"] },
      protocolVersion: PROTOCOL_VERSION,
    });
    this.rpc.notify("ui/notifications/initialized");
    this.update({
      connected: true,
      hostInfo: result.hostInfo ?? null,
      hostCapabilities: result.hostCapabilities ?? {},
    });
    this.applyHostContext(result.hostContext ?? {});
    if (o.autoResize !== false) {
      this.stopResize = observeSize((size) => this.rpc?.notify("ui/notifications/size-changed", size));
    }
    return result;
  }

  /** Sends a request over the bridge after the handshake; `capability` gates it on a host capability. */
  private async send<T>(method: string, params: object, capability?: keyof HostCapabilities): Promise<T> {
    let init: InitializeResult;
    try {
      init = await this.connect();
    } catch (e) {
      throw new Error(`${method} is not available: no MCP Apps host (${(e as Error).message})`);
    }
    if (capability && !init.hostCapabilities?.[capability]) {
      throw unsupported(method, `the "${capability}" host capability`);
    }
    const result = await this.rpc!.request<T>(method, params);
    if (isObject(result) && result.isError && method !== "tools/call") {
      throw new RpcError(`${method} was refused by the host`, -32000, result);
    }
    return result;
  }

  // ---- methods: window.openai first, then the ui/* bridge ----

  /** Calls a tool on the MCP server through the host (`tools/call`). */
  async callTool<T = JsonObject>(name: string, args: JsonObject = {}): Promise<CallToolResult<T>> {
    const oa = openai();
    if (oa?.callTool) return (await oa.callTool(name, args)) as CallToolResult<T>;
    return this.send("tools/call", { name, arguments: args }, "serverTools");
  }

  /** Posts a user message into the conversation (`ui/message`, content as an array of blocks). */
  async sendFollowUpMessage(message: string | { prompt: string; scrollToBottom?: boolean }): Promise<void> {
    const args = typeof message === "string" ? { prompt: message } : message;
    const oa = openai();
    if (oa?.sendFollowUpMessage) return oa.sendFollowUpMessage(args);
    await this.send("ui/message", { role: "user", content: [{ type: "text", text: args.prompt }] });
  }

  /** Opens a URL through the host (`ui/open-link`); `redirectUrl` is passed to ChatGPT. */
  async openExternal(target: string | { href: string; redirectUrl?: string | false }): Promise<void> {
    const given = typeof target === "string" ? { href: target } : target;
    const args = { ...given, href: checkExternalUrl(given.href) };
    const oa = openai();
    if (oa?.openExternal) return oa.openExternal(args);
    await this.send("ui/open-link", { url: args.href }, "openLinks");
  }

  /** Asks the host for a display mode; resolves with the mode the host actually granted. */
  async requestDisplayMode(mode: DisplayMode): Promise<DisplayMode> {
    const oa = openai();
    const result = oa?.requestDisplayMode
      ? await oa.requestDisplayMode({ mode })
      : await this.send<{ mode?: DisplayMode }>("ui/request-display-mode", { mode });
    const actual = result?.mode ?? (oa ? mode : this.snapshot.displayMode);
    this.update({ displayMode: actual });
    return actual;
  }

  /** Replaces what the model sees of this widget (`ui/update-model-context`; each call overwrites the last). */
  updateModelContext(context: { content?: ContentBlock[]; structuredContent?: JsonObject }): Promise<void> {
    return this.send("ui/update-model-context", context);
  }

  /**
   * Stores widget state for this widget instance. In ChatGPT: `window.openai.setWidgetState`. Elsewhere: kept in
   * storage keyed by the instance id, and its model-visible part (`modelContent` when the state is
   * `{ modelContent, privateContent }`, else the whole state) is sent with `ui/update-model-context`.
   */
  async setWidgetState(state: unknown): Promise<void> {
    this.update({ widgetState: state });
    const oa = openai();
    if (oa?.setWidgetState) return oa.setWidgetState(state);
    this.store.save(this.instanceId!, state);
    if (window.parent === window) return;
    const visible = isObject(state) && "modelContent" in state ? state.modelContent : state;
    await this.updateModelContext(
      isObject(visible)
        ? { structuredContent: visible }
        : {
            content:
              visible == null
                ? []
                : [{ type: "text", text: typeof visible === "string" ? visible : JSON.stringify(visible) }],
          },
    );
  }

  /** Sends a log entry to the host (`notifications/message`); a no-op before the handshake. */
  log(level: LogLevel, data: unknown): void {
    if (this.snapshot.connected) this.rpc!.notify("notifications/message", { level, logger: this.appInfo.name, data });
  }

  /** Registers a handler for the host's `ui/resource-teardown`; the host waits for it before the reply. */
  onTeardown(handler: TeardownHandler): () => void {
    this.teardownHandlers.add(handler);
    return () => this.teardownHandlers.delete(handler);
  }

  // ---- ChatGPT extras (window.openai only, or a ui/* equivalent where one exists) ----

  requestModal(args: { params?: JsonObject; template?: string; title?: string } = {}): Promise<unknown> {
    return this.openaiOnly("requestModal", args);
  }

  uploadFile(file: File, options?: { library?: boolean }): Promise<{ fileId: string }> {
    return this.openaiOnly("uploadFile", file, options) as Promise<{ fileId: string }>;
  }

  getFileDownloadUrl(args: { fileId: string }): Promise<{ downloadUrl: string }> {
    return this.openaiOnly("getFileDownloadUrl", args) as Promise<{ downloadUrl: string }>;
  }

  /** Closes the widget: `window.openai.requestClose`, else `ui/notifications/request-teardown`. */
  async requestClose(): Promise<void> {
    const oa = openai();
    if (oa?.requestClose) return oa.requestClose();
    await this.connect().catch(() => {
      throw unsupported("requestClose", "window.openai.requestClose and an MCP Apps bridge");
    });
    this.rpc!.notify("ui/notifications/request-teardown");
  }

  /** Reports the content height: `window.openai.notifyIntrinsicHeight`, else `ui/notifications/size-changed`. */
  notifyIntrinsicHeight(height: number): void {
    const oa = openai();
    if (oa?.notifyIntrinsicHeight) oa.notifyIntrinsicHeight(height);
    else if (this.snapshot.connected) this.rpc!.notify("ui/notifications/size-changed", { height });
  }

  /** Stops listening, rejects pending requests and forgets the page-wide instance. */
  destroy(): void {
    removeEventListener(SET_GLOBALS_EVENT, this.onSetGlobals);
    removeEventListener(OPEN_LINK_EVENT, this.onOpenLink);
    this.rpc?.close();
    this.stopResize?.();
    applyHostStyles(null, this.snapshot.theme);
    this.listeners.clear();
    if (instance === this) instance = undefined;
  }

  private async openaiOnly(name: string, ...args: unknown[]): Promise<unknown> {
    const fn = openai()?.[name];
    if (typeof fn !== "function") throw unsupported(name, `window.openai.${name} (a ChatGPT-only feature)`);
    return fn.apply(openai(), args);
  }

  // ---- incoming ----

  private onOpenLink = (event: Event): void => {
    event.preventDefault();
    this.openExternal((event as CustomEvent<{ href: string }>).detail.href).catch((e: Error) =>
      this.log("warning", e.message),
    );
  };

  private onSetGlobals = (event: Event): void => {
    const globals = (event as CustomEvent<{ globals?: Partial<OpenAiGlobals> }>).detail?.globals;
    this.applyGlobals(globals ?? openai() ?? {});
  };

  private applyGlobals(globals: Partial<OpenAiGlobals>): void {
    const patch: Partial<Record<keyof OpenAiGlobals, unknown>> = {};
    for (const key of GLOBAL_KEYS) if (globals[key] !== undefined) patch[key] = globals[key];
    this.update({ ...(patch as Partial<InlaySnapshot>), host: "openai" });
  }

  private applyHostContext(patch: HostContext): void {
    const hc = { ...this.snapshot.hostContext, ...patch };
    const next: Partial<InlaySnapshot> = { hostContext: hc };
    if (patch.theme) next.theme = patch.theme;
    if (patch.locale) next.locale = patch.locale;
    if (patch.displayMode) next.displayMode = patch.displayMode;
    if (patch.containerDimensions) {
      next.maxHeight = patch.containerDimensions.maxHeight ?? patch.containerDimensions.height ?? null;
    }
    if (patch.safeAreaInsets) next.safeArea = { insets: patch.safeAreaInsets };
    if (patch.platform || patch.deviceCapabilities || patch.userAgent) next.userAgent = userAgentOf(hc);
    this.update(next);
  }

  private onNotification = (method: string, p: Record<string, unknown>): void => {
    const name = method.slice(method.lastIndexOf("/") + 1);
    if (name === "tool-input-partial") {
      // Partial arguments stream before the complete ones; once those came, a late partial is stale until the
      // call ends (a later call of the same view may stream again).
      if (!this.inputFinal) this.update({ toolInputPartial: isObject(p.arguments) ? p.arguments : {} });
    } else if (name === "tool-input") {
      this.inputFinal = true;
      this.update({ toolInput: p.arguments ?? {}, toolInputPartial: null });
    } else if (name === "tool-result") {
      this.inputFinal = false;
      this.update({
        toolInputPartial: null,
        toolResult: p as CallToolResult,
        toolOutput: p.structuredContent ?? null,
        toolResponseMetadata: (p._meta as JsonObject) ?? null,
        toolCancelled: null,
      });
    } else if (name === "tool-cancelled") {
      this.inputFinal = false;
      this.update({ toolInputPartial: null, toolCancelled: { reason: p.reason as string | undefined } });
    } else if (name === "host-context-changed") {
      this.applyHostContext(p as HostContext);
    }
  };

  private onRequest = async (method: string, params: Record<string, unknown>): Promise<unknown> => {
    if (method !== "ui/resource-teardown") return undefined;
    for (const handler of this.teardownHandlers) await handler({ reason: params.reason as string | undefined });
    return {};
  };

  /** Applies a patch, re-keys widget state to the current instance id, and notifies subscribers. */
  private update(patch: Partial<InlaySnapshot>): void {
    const next = { ...this.snapshot, ...patch };
    if (!openai()?.setWidgetState) {
      const id = String(
        next.toolResponseMetadata?.["openai/widgetSessionId"] ?? next.hostContext.toolInfo?.id ?? location.href,
      );
      if (id !== this.instanceId) {
        this.instanceId = id;
        const saved = this.store.load(id);
        if (saved !== undefined) next.widgetState = saved;
        else if (next.widgetState != null) this.store.save(id, next.widgetState);
      }
    }
    // The host's look follows the host context, the theme and the host; the document is touched only on a change.
    const styles = hostStylesOf(next.hostContext, next.theme, next.host === "openai");
    const json = JSON.stringify(styles);
    if (json !== JSON.stringify(this.snapshot.hostStyles)) next.hostStyles = styles;
    if (json + next.theme !== this.stylesKey) {
      this.stylesKey = json + next.theme;
      applyHostStyles(styles, next.theme);
    }
    this.snapshot = next;
    for (const listener of this.listeners) listener();
  }
}
