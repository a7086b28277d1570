import { injectIntoHead } from "../shared/inject-into-head";
import { OPENAI_CALL, OPENAI_GLOBALS, OPENAI_REPLY } from "../shared/messages";

/**
 * Puts `window.openai` into a widget document before its own scripts run, as ChatGPT does: the globals given,
 * `openai:set_globals` events when the host changes them, and the methods, each a message to the host page.
 */
export function withOpenAi(html: string, globals: Record<string, unknown>): string {
  const types = { call: OPENAI_CALL, reply: OPENAI_REPLY, globals: OPENAI_GLOBALS };
  const args = [globals, types].map((value) => JSON.stringify(value).replace(/</g, "\\u003c")).join(",");
  return injectIntoHead(html, `<script>(${installOpenAi.toString()})(${args});</script>`);
}

/** Runs inside the widget document (serialized into it). */
function installOpenAi(globals: Record<string, unknown>, types: { call: string; reply: string; globals: string }) {
  type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };
  const pending = new Map<number, Pending>();
  let nextId = 1;
  const call = (method: string, params?: unknown) =>
    new Promise<unknown>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      parent.postMessage({ [types.call]: { id, method, params } }, "*");
    });
  const setGlobals = (changed: Record<string, unknown>) => {
    Object.assign(openai, changed);
    if (typeof changed.locale === "string") document.documentElement.lang = changed.locale;
    dispatchEvent(new CustomEvent("openai:set_globals", { detail: { globals: changed } }));
  };
  const openai: Record<string, unknown> = {
    ...globals,
    callTool: (name: string, args?: unknown) => call("callTool", { name, args: args ?? {} }),
    sendFollowUpMessage: (args: unknown) => call("sendFollowUpMessage", args),
    openExternal: (args: unknown) => call("openExternal", args),
    requestDisplayMode: (args: unknown) => call("requestDisplayMode", args),
    requestModal: (args: unknown) => call("requestModal", args),
    requestClose: () => call("requestClose"),
    notifyIntrinsicHeight: (height: number) => void call("notifyIntrinsicHeight", { height }),
    setWidgetState: (state: unknown) => {
      openai.widgetState = state;
      return call("setWidgetState", { state });
    },
    uploadFile: () => call("uploadFile"),
    selectFiles: () => call("selectFiles"),
    getFileDownloadUrl: (args: unknown) => call("getFileDownloadUrl", args),
    setOpenInAppUrl: (args: unknown) => call("setOpenInAppUrl", args),
  };
  addEventListener("message", (event: MessageEvent) => {
    if (event.source !== parent || typeof event.data !== "object" || event.data === null) return;
    const reply = event.data[types.reply] as { id: number; result?: unknown; error?: string } | undefined;
    if (reply) {
      const waiting = pending.get(reply.id);
      pending.delete(reply.id);
      if (reply.error !== undefined) waiting?.reject(new Error(reply.error));
      else waiting?.resolve(reply.result);
      return;
    }
    const changed = event.data[types.globals] as Record<string, unknown> | undefined;
    if (changed) setGlobals(changed);
  });
  if (typeof globals.locale === "string") document.documentElement.lang = globals.locale;
  Object.defineProperty(window, "openai", { value: openai, configurable: true, writable: true });
}
