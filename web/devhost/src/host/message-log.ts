import type { JSONRPCMessage, Transport, TransportSendOptions } from "@modelcontextprotocol/client";

/**
 * The channels the dev host logs: the widget bridge, the MCP connection to the app, `window.openai` calls, CSP
 * violations, and sign-in steps (who signed in, which scopes; never a token).
 */
export type Channel = "bridge" | "mcp" | "openai" | "csp" | "auth";

/** Which way a message went, seen from the host page. */
export type Direction = "out" | "in";

export interface LogEntry {
  seq: number;
  /** Milliseconds since the page loaded. */
  at: number;
  channel: Channel;
  direction: Direction;
  /** The method, or for a response the method of the request it answers. */
  label: string;
  /** For a response: milliseconds since its request went out. */
  elapsed?: number;
  message: unknown;
}

export type Logger = (entry: Omit<LogEntry, "seq" | "at">) => void;

/**
 * Wraps a transport and logs every JSON-RPC message both ways, naming responses after their request and timing
 * them, so the log reads "tools/call → 12 ms".
 */
export class LoggingTransport implements Transport {
  private outstanding = new Map<string, { method: string; sentAt: number }>();
  private readonly inner: Transport;

  constructor(
    inner: Transport,
    private readonly channel: Channel,
    private readonly log: Logger,
  ) {
    this.inner = inner;
    inner.onmessage = (message, extra) => {
      this.record("in", message);
      this.onmessage?.(message, extra);
    };
    inner.onerror = (error) => this.onerror?.(error);
    inner.onclose = () => this.onclose?.();
  }

  onmessage?: Transport["onmessage"];
  onerror?: Transport["onerror"];
  onclose?: Transport["onclose"];

  get sessionId() {
    return this.inner.sessionId;
  }

  setProtocolVersion = (version: string) => this.inner.setProtocolVersion?.(version);

  start() {
    return this.inner.start();
  }

  send(message: JSONRPCMessage, options?: TransportSendOptions) {
    this.record("out", message);
    return this.inner.send(message, options);
  }

  close() {
    return this.inner.close();
  }

  private record(direction: Direction, message: JSONRPCMessage) {
    const m = message as { id?: string | number; method?: string };
    const key = `${direction === "out" ? "mine" : "theirs"}:${String(m.id)}`;
    if (m.method) {
      if (m.id !== undefined) this.outstanding.set(key, { method: m.method, sentAt: performance.now() });
      this.log({ channel: this.channel, direction, label: m.method, message });
      return;
    }
    // A response: it answers a request that went the other way.
    const answered = `${direction === "out" ? "theirs" : "mine"}:${String(m.id)}`;
    const request = this.outstanding.get(answered);
    this.outstanding.delete(answered);
    this.log({
      channel: this.channel,
      direction,
      label: request ? `${request.method} (response)` : "response",
      elapsed: request ? Math.round(performance.now() - request.sentAt) : undefined,
      message,
    });
  }
}
