/**
 * Per-widget-instance persistence of widget state for hosts without `window.openai.setWidgetState`.
 * Uses localStorage when the sandbox allows it (an opaque-origin iframe throws on access), else memory.
 */
const PREFIX = "inlay:widget-state:";

export interface WidgetStateStore {
  load(instanceId: string): unknown;
  save(instanceId: string, state: unknown): void;
}

export function widgetStateStore(storage?: Storage | null): WidgetStateStore {
  const memory = new Map<string, string>();
  let durable: Storage | null = null;
  try {
    durable = storage === undefined ? localStorage : storage;
    durable?.setItem(PREFIX, "");
    durable?.removeItem(PREFIX);
  } catch {
    durable = null;
  }
  return {
    load(id) {
      let raw: string | null | undefined = memory.get(PREFIX + id);
      try {
        raw ??= durable?.getItem(PREFIX + id);
        return raw == null ? undefined : JSON.parse(raw);
      } catch {
        return undefined;
      }
    },
    save(id, state) {
      const raw = JSON.stringify(state ?? null);
      memory.set(PREFIX + id, raw);
      try {
        durable?.setItem(PREFIX + id, raw);
      } catch {
        // Quota exceeded or storage revoked: the in-memory copy still serves this page.
      }
    },
  };
}
