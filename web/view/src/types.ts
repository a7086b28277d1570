/**
 * Wire and snapshot types shared by the bridge, the store and the React hooks.
 * Names follow the MCP Apps spec (2026-01-26) and the OpenAI Apps SDK `window.openai` globals.
 */

export type JsonObject = Record<string, unknown>;
export type DisplayMode = "inline" | "fullscreen" | "pip";
export type Theme = "light" | "dark";
export type DeviceType = "mobile" | "tablet" | "desktop" | "unknown";
export type LogLevel =
  | "debug"
  | "info"
  | "notice"
  | "warning"
  | "error"
  | "critical"
  | "alert"
  | "emergency";

export interface SafeAreaInsets {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** ChatGPT's `safeArea` global; MCP Apps `safeAreaInsets` is mapped to `{ insets }`. */
export interface SafeArea {
  insets: SafeAreaInsets;
}

/** ChatGPT's `userAgent` global; MCP Apps `platform`, `deviceCapabilities` and `userAgent` map onto it. */
export interface UserAgent {
  device: { type: DeviceType };
  capabilities: { hover: boolean; touch: boolean };
  /** MCP Apps `hostContext.platform`, when the host sent one. */
  platform?: "web" | "desktop" | "mobile";
  /** MCP Apps `hostContext.userAgent`: the host application's identifier. */
  host?: string;
}

export interface ContentBlock {
  type: string;
  [key: string]: unknown;
}

export interface CallToolResult<T = JsonObject> {
  content?: ContentBlock[];
  structuredContent?: T;
  _meta?: JsonObject;
  isError?: boolean;
  [key: string]: unknown;
}

export interface Implementation {
  name: string;
  version: string;
  [key: string]: unknown;
}

/** `McpUiHostCapabilities` (host → view, in the `ui/initialize` result). */
export interface HostCapabilities {
  experimental?: JsonObject;
  openLinks?: JsonObject;
  downloadFile?: JsonObject;
  serverTools?: { listChanged?: boolean };
  serverResources?: { listChanged?: boolean };
  logging?: JsonObject;
  updateModelContext?: JsonObject;
  message?: JsonObject;
  sandbox?: JsonObject;
  [key: string]: unknown;
}

/** `McpUiHostContext` (in the `ui/initialize` result and `ui/notifications/host-context-changed`). */
export interface HostContext {
  toolInfo?: { id?: string | number; tool?: JsonObject };
  theme?: Theme;
  styles?: { variables?: Record<string, string | undefined>; css?: { fonts?: string } };
  displayMode?: DisplayMode;
  availableDisplayModes?: DisplayMode[];
  containerDimensions?: { height?: number; maxHeight?: number; width?: number; maxWidth?: number };
  locale?: string;
  timeZone?: string;
  userAgent?: string;
  platform?: "web" | "desktop" | "mobile";
  deviceCapabilities?: { touch?: boolean; hover?: boolean };
  safeAreaInsets?: SafeAreaInsets;
  [key: string]: unknown;
}

export interface InitializeResult {
  protocolVersion: string;
  hostInfo?: Implementation;
  hostCapabilities?: HostCapabilities;
  hostContext?: HostContext;
  [key: string]: unknown;
}

/** The `window.openai` globals ChatGPT injects (and updates through `openai:set_globals`). */
export interface OpenAiGlobals {
  theme: Theme;
  userAgent: UserAgent;
  locale: string;
  maxHeight: number;
  displayMode: DisplayMode;
  safeArea: SafeArea;
  view: unknown;
  toolInput: unknown;
  toolOutput: unknown;
  toolResponseMetadata: JsonObject | null;
  widgetState: unknown;
}

/** The `window.openai` object: globals plus ChatGPT's methods. Every member is optional: feature-detect. */
export interface OpenAiApi extends Partial<OpenAiGlobals> {
  callTool?(name: string, args: JsonObject): Promise<CallToolResult>;
  sendFollowUpMessage?(args: { prompt: string; scrollToBottom?: boolean }): Promise<void>;
  openExternal?(args: { href: string; redirectUrl?: string | false }): Promise<void> | void;
  requestDisplayMode?(args: { mode: DisplayMode }): Promise<{ mode: DisplayMode }>;
  setWidgetState?(state: unknown): Promise<void> | void;
  requestModal?(args: { params?: JsonObject; template?: string; title?: string }): Promise<unknown>;
  requestClose?(): Promise<void> | void;
  notifyIntrinsicHeight?(height: number): void;
  uploadFile?(file: File, options?: { library?: boolean }): Promise<{ fileId: string }>;
  getFileDownloadUrl?(args: { fileId: string }): Promise<{ downloadUrl: string }>;
  [key: string]: unknown;
}

/** Everything a widget reads, whatever the host. Immutable: every change makes a new object. */
export interface InlaySnapshot {
  /** `"openai"` when `window.openai` exists (ChatGPT), `"mcp-apps"` inside another iframe host, `"none"` on a bare page. */
  host: "openai" | "mcp-apps" | "none";
  /** True once the MCP Apps `ui/initialize` handshake has completed. */
  connected: boolean;
  /** The tool's complete arguments (`ui/notifications/tool-input`, ChatGPT's `toolInput`); null until they arrive. */
  toolInput: unknown;
  /**
   * The latest partial arguments while the model streams them (`ui/notifications/tool-input-partial`), null when
   * nothing is streaming: cleared by the complete `tool-input`, a result or a cancellation. Partials that arrive
   * after the complete arguments (and before that call's result) are stale and ignored.
   */
  toolInputPartial: JsonObject | null;
  /** `structuredContent` of the tool result (ChatGPT's `toolOutput`). */
  toolOutput: unknown;
  /** `_meta` of the tool result (ChatGPT's `toolResponseMetadata`). */
  toolResponseMetadata: JsonObject | null;
  /** The whole `ui/notifications/tool-result` payload, when the host used the MCP Apps bridge. */
  toolResult: CallToolResult | null;
  /** Set when the host sent `ui/notifications/tool-cancelled`. */
  toolCancelled: { reason?: string } | null;
  theme: Theme;
  locale: string;
  displayMode: DisplayMode;
  maxHeight: number | null;
  safeArea: SafeArea;
  userAgent: UserAgent;
  widgetState: unknown;
  /** ChatGPT's `view` global (`{ mode, params? }`), null elsewhere. */
  view: unknown;
  hostInfo: Implementation | null;
  hostCapabilities: HostCapabilities | null;
  /** The merged MCP Apps host context (empty in hosts that never sent one). */
  hostContext: HostContext;
  /** The host's design tokens and fonts as applied to the document (see `useHostStyles`). */
  hostStyles: HostStyles;
}

/** The host's design tokens and fonts as applied to the document (`hostContext.styles`, or ChatGPT's theme). */
export interface HostStyles {
  /**
   * The CSS custom properties on `:root` now: the host's `styles.variables` (those that pass the filter), else in
   * ChatGPT a palette derived from its theme, else none.
   */
  variables: Readonly<Record<string, string>>;
  /** True when the host supplied the variables; false when they were derived from ChatGPT's theme, or are absent. */
  fromHost: boolean;
  /** The host's font CSS (`styles.css.fonts`), or null. Only its `@font-face` and `@import` rules are applied. */
  fonts: string | null;
}

/** Widget state in the Apps SDK's structured shape: only `modelContent` is shown to the model. */
export interface StructuredWidgetState<M = unknown, P = unknown> {
  modelContent: M;
  privateContent?: P;
  imageIds?: string[];
}
