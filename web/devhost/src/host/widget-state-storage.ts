/**
 * Where the dev host keeps what a widget stores per instance in ChatGPT mode (`window.openai.setWidgetState`),
 * so it comes back after a reload as ChatGPT gives it back when the conversation is reopened.
 */
const PREFIX = "inlay-devhost:widget-state:";

export function loadWidgetState(instanceId: string): unknown {
  const raw = localStorage.getItem(PREFIX + instanceId);
  if (raw === null) return null;
  try {
    return JSON.parse(raw);
  } catch {
    return null;
  }
}

export function saveWidgetState(instanceId: string, state: unknown) {
  localStorage.setItem(PREFIX + instanceId, JSON.stringify(state ?? null));
}

/** The last tool call, so a reloaded dev host shows the same widget instance again. */
const LAST_CALL = "inlay-devhost:last-call";

export interface SavedCall {
  id: number;
  tool: string;
  args: Record<string, unknown>;
  result: Record<string, unknown>;
}

export function loadLastCall(): SavedCall | undefined {
  try {
    const saved = JSON.parse(localStorage.getItem(LAST_CALL) ?? "null") as SavedCall | null;
    return saved && typeof saved.tool === "string" && typeof saved.id === "number" ? saved : undefined;
  } catch {
    return undefined;
  }
}

export function saveLastCall(call: SavedCall) {
  localStorage.setItem(LAST_CALL, JSON.stringify(call));
}
