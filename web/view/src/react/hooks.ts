/**
 * React bindings over the page's InlayApp (useSyncExternalStore: tear-free, StrictMode-safe).
 * Every hook shares the single InlayApp from createInlayApp(), so mounting twice never reconnects.
 */
import { useCallback, useMemo, useSyncExternalStore } from "react";
import { createInlayApp, type InlayApp } from "../app";
import type {
  CallToolResult,
  DisplayMode,
  HostStyles,
  InlaySnapshot,
  JsonObject,
  OpenAiGlobals,
  SafeArea,
  Theme,
  UserAgent,
} from "../types";

/** The page-wide InlayApp (created, and connected, on first use). */
export function useInlayApp(): InlayApp {
  return createInlayApp();
}

/** Subscribes to one slice of the snapshot; re-renders only when that slice changes identity. */
export function useInlay<T>(select: (snapshot: InlaySnapshot) => T): T {
  const app = useInlayApp();
  const get = () => select(app.getSnapshot());
  return useSyncExternalStore(app.subscribe, get, get);
}

/** The tool result's `structuredContent` (ChatGPT's `toolOutput`); null until the result arrives. */
export function useToolOutput<T = JsonObject>(): T | null {
  return useInlay((s) => s.toolOutput as T | null);
}
/** Alias of {@link useToolOutput}, the name used by the OpenAI examples. */
export const useWidgetProps = useToolOutput;
/** Alias of {@link useToolOutput}. */
export const useToolData = useToolOutput;

/** The tool's complete arguments; null until they arrive (see {@link useToolInputPartial} for streamed ones). */
export function useToolInput<T = JsonObject>(): T | null {
  return useInlay((s) => s.toolInput as T | null);
}

/**
 * The tool's arguments as far as they are known, for rendering while the model streams them: `partial` is true
 * while `input` holds the latest `ui/notifications/tool-input-partial` arguments (any field may be missing or still
 * growing), false once `input` is the complete `tool-input` (or null: nothing yet). Do not act on partial input.
 */
export function useToolInputPartial<T = JsonObject>(): { input: Partial<T> | null; partial: boolean } {
  const streamed = useInlay((s) => s.toolInputPartial);
  const complete = useInlay((s) => s.toolInput);
  return useMemo(
    () => ({ input: (streamed ?? complete) as Partial<T> | null, partial: streamed !== null }),
    [streamed, complete],
  );
}

/** The tool result's `_meta` (ChatGPT's `toolResponseMetadata`). */
export function useToolResponseMetadata<T = JsonObject>(): T | null {
  return useInlay((s) => s.toolResponseMetadata as T | null);
}

export const useDisplayMode = (): DisplayMode => useInlay((s) => s.displayMode);
export const useMaxHeight = (): number | null => useInlay((s) => s.maxHeight);
export const useTheme = (): Theme => useInlay((s) => s.theme);
export const useLocale = (): string => useInlay((s) => s.locale);
export const useSafeArea = (): SafeArea => useInlay((s) => s.safeArea);
export const useUserAgent = (): UserAgent => useInlay((s) => s.userAgent);
/**
 * The design tokens applied to the document: `{ variables, fromHost, fonts }`. `variables` are the CSS custom
 * properties now on `:root` (the MCP Apps host's, or ChatGPT's palette for its theme); `fromHost` says whether the
 * host supplied them. Styling with `var(--color-text-primary, <fallback>)` needs no hook; this is for canvas, charts
 * and other places that need the values in script.
 */
export const useHostStyles = (): HostStyles => useInlay((s) => s.hostStyles);

/** One `window.openai` global by name, the same in every host (mapped from the MCP Apps host context). */
export function useOpenAIGlobal<K extends keyof OpenAiGlobals>(key: K): InlaySnapshot[K] {
  return useInlay((s) => s[key]);
}

type SetState<T> = (next: T | ((previous: T) => T)) => void;

/**
 * Widget state like useState, persisted per widget instance through the host
 * (`window.openai.setWidgetState` in ChatGPT; storage plus `ui/update-model-context` elsewhere).
 */
export function useWidgetState<T>(initial: T | (() => T)): [T, SetState<T>];
export function useWidgetState<T>(): [T | null, SetState<T | null>];
export function useWidgetState<T>(initial?: T | (() => T)): [T | null, SetState<T | null>] {
  const app = useInlayApp();
  const stored = useInlay((s) => s.widgetState as T | null);
  const state =
    stored ?? (initial === undefined ? null : typeof initial === "function" ? (initial as () => T)() : initial);
  const setState = useCallback<SetState<T | null>>(
    (next) => {
      const current = (app.getSnapshot().widgetState as T | null) ?? state;
      const value = typeof next === "function" ? (next as (p: T | null) => T | null)(current) : next;
      app.setWidgetState(value).catch((e: Error) => app.log("warning", `setWidgetState: ${e.message}`));
    },
    [app, state],
  );
  return [state, setState];
}

/** `(name, args) => Promise<CallToolResult>`, calling a server tool through the host. */
export function useCallTool(): <T = JsonObject>(name: string, args?: JsonObject) => Promise<CallToolResult<T>> {
  const app = useInlayApp();
  return useCallback((name, args) => app.callTool(name, args), [app]);
}

/** `(prompt) => Promise<void>`, posting a follow-up user message into the conversation. */
export function useSendMessage(): (prompt: string | { prompt: string; scrollToBottom?: boolean }) => Promise<void> {
  const app = useInlayApp();
  return useCallback((prompt) => app.sendFollowUpMessage(prompt), [app]);
}

/** `(href) => Promise<void>`, opening a link through the host. */
export function useOpenExternal(): (href: string | { href: string; redirectUrl?: string | false }) => Promise<void> {
  const app = useInlayApp();
  return useCallback((href) => app.openExternal(href), [app]);
}

/** `(mode) => Promise<DisplayMode>`, resolving with the mode the host granted. */
export function useRequestDisplayMode(): (mode: DisplayMode) => Promise<DisplayMode> {
  const app = useInlayApp();
  return useCallback((mode) => app.requestDisplayMode(mode), [app]);
}
