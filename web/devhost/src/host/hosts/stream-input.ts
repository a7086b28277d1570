/**
 * Streamed tool input, as a host sends it while the model writes a tool's arguments: a series of
 * `ui/notifications/tool-input-partial` notifications, each the arguments so far with unclosed JSON closed, before the
 * one complete `ui/notifications/tool-input`.
 *
 * The arguments grow in document order: each key appears with the first character of its string value, which then
 * grows a character (a code point) at a time; numbers, booleans and null appear whole; arrays and objects grow an
 * element or a key at a time, each streamed the same way. The last step is the complete arguments. When that takes
 * more than `maxSteps` steps, steps are skipped evenly so there are `maxSteps`, ending with the complete arguments.
 */
export function partialInputs(args: Record<string, unknown>, maxSteps = 200): Record<string, unknown>[] {
  const total = cost(args, true);
  if (total === 0) return [];
  const steps = Math.max(1, Math.min(total, Math.floor(maxSteps)));
  const out: Record<string, unknown>[] = [];
  for (let i = 1; i <= steps; i++) {
    const budget = Math.ceil((i * total) / steps);
    out.push(take(args, budget, true).value as Record<string, unknown>);
  }
  return out;
}

/** How many steps a value takes to stream: one per code point of a string, one for anything else that is whole. */
function cost(value: unknown, root = false): number {
  if (typeof value === "string") return Math.max(1, Array.from(value).length);
  if (Array.isArray(value)) return value.length === 0 ? 1 : value.reduce<number>((n, v) => n + cost(v), 0);
  if (value && typeof value === "object") {
    const entries = Object.values(value);
    if (entries.length === 0) return root ? 0 : 1;
    return entries.reduce<number>((n, v) => n + cost(v), 0);
  }
  return 1;
}

/** The value as it stands after `budget` steps; `used` steps, `complete` once all of it is there. */
function take(value: unknown, budget: number, root = false): { value: unknown; used: number; complete: boolean } {
  if (typeof value === "string") {
    const chars = Array.from(value);
    const n = Math.min(budget, Math.max(1, chars.length));
    return { value: chars.slice(0, n).join(""), used: n, complete: n >= chars.length };
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return { value: [], used: 1, complete: true };
    const out: unknown[] = [];
    let used = 0;
    for (const item of value) {
      if (used >= budget) return { value: out, used, complete: false };
      const part = take(item, budget - used);
      out.push(part.value);
      used += part.used;
      if (!part.complete) return { value: out, used, complete: false };
    }
    return { value: out, used, complete: true };
  }
  if (value && typeof value === "object") {
    const entries = Object.entries(value);
    if (entries.length === 0) return { value: {}, used: root ? 0 : 1, complete: true };
    const out: Record<string, unknown> = {};
    let used = 0;
    for (const [key, item] of entries) {
      if (used >= budget) return { value: out, used, complete: false };
      const part = take(item, budget - used);
      out[key] = part.value;
      used += part.used;
      if (!part.complete) return { value: out, used, complete: false };
    }
    return { value: out, used, complete: true };
  }
  return { value, used: 1, complete: true };
}

/**
 * Sends the partial inputs spaced `intervalMs` apart, then the complete input; stops early (without the complete
 * input) when `cancelled()` turns true. Resolves whether it finished.
 */
export async function streamInput(
  args: Record<string, unknown>,
  intervalMs: number,
  send: { partial(args: Record<string, unknown>): Promise<void> | void; complete(args: Record<string, unknown>): Promise<void> | void },
  cancelled: () => boolean = () => false,
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
): Promise<boolean> {
  for (const partial of partialInputs(args)) {
    if (cancelled()) return false;
    await send.partial(partial);
    await sleep(intervalMs);
  }
  if (cancelled()) return false;
  await send.complete(args);
  return true;
}
