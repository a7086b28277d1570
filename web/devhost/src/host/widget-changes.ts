/** What the app sends on /_inlay/events when a widget was rebuilt: each widget's current version (null: unversioned). */
export interface WidgetChange {
  versions: Record<string, string | null>;
}

/** Parses the data of a `widgets-changed` event; undefined when it is not one. */
export function parseWidgetChange(data: unknown): WidgetChange | undefined {
  if (typeof data !== "string") return undefined;
  try {
    const parsed = JSON.parse(data) as unknown;
    if (!parsed || typeof parsed !== "object") return undefined;
    const versions = (parsed as { versions?: unknown }).versions;
    if (!versions || typeof versions !== "object" || Array.isArray(versions)) return undefined;
    return { versions: versions as WidgetChange["versions"] };
  } catch {
    return undefined;
  }
}

/**
 * Listens to the app's widget change feed (Server-Sent Events; the browser reconnects by itself when the app
 * restarts) and calls `onChange` for each rebuilt widget. Returns the function that stops listening.
 */
export function watchWidgetChanges(url: string, onChange: (change: WidgetChange) => void): () => void {
  if (typeof EventSource === "undefined") return () => {};
  const source = new EventSource(url);
  source.addEventListener("widgets-changed", (event) => {
    const change = parseWidgetChange((event as MessageEvent).data);
    if (change) onChange(change);
  });
  return () => source.close();
}
