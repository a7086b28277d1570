/**
 * JSON-RPC 2.0 over window.postMessage, the transport of the MCP Apps `ui/*` bridge.
 * Only messages whose `event.source` is the peer window are read; anything that is not JSON-RPC 2.0 is ignored.
 */

/** An error answered by the host (or a local timeout), carrying the JSON-RPC `code` and `data`. */
export class RpcError extends Error {
  constructor(
    message: string,
    readonly code: number,
    readonly data?: unknown,
  ) {
    super(message);
    this.name = "RpcError";
  }
}

/** JSON-RPC code used for a request that got no answer in time (MCP's RequestTimeout). */
export const TIMEOUT_CODE = -32001;
const METHOD_NOT_FOUND = -32601;

type Id = string | number;
interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
  timer: ReturnType<typeof setTimeout>;
}
interface Message {
  jsonrpc?: unknown;
  id?: Id | null;
  method?: string;
  params?: Record<string, unknown>;
  result?: unknown;
  error?: { code: number; message: string; data?: unknown };
}

export interface PostTarget {
  postMessage(message: unknown, targetOrigin: string): void;
}

export type NotificationHandler = (method: string, params: Record<string, unknown>) => void;
/** Answers a request from the peer; return `undefined` for "method not found". */
export type RequestHandler = (method: string, params: Record<string, unknown>) => unknown;

export class Rpc {
  private nextId = 0;
  private pending = new Map<Id, Pending>();

  constructor(
    private peer: PostTarget,
    private onNotification: NotificationHandler,
    private onRequest: RequestHandler,
    public timeout = 30_000,
  ) {
    addEventListener("message", this.receive);
  }

  request<T = unknown>(method: string, params: object = {}, timeout = this.timeout): Promise<T> {
    const id = ++this.nextId;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new RpcError(`${method} timed out after ${timeout} ms`, TIMEOUT_CODE));
      }, timeout);
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, timer });
      this.post({ id, method, params });
    });
  }

  notify(method: string, params: object = {}): void {
    this.post({ method, params });
  }

  close(): void {
    removeEventListener("message", this.receive);
    for (const [id, p] of this.pending) {
      clearTimeout(p.timer);
      p.reject(new RpcError("connection closed", -32000));
      this.pending.delete(id);
    }
  }

  private post(message: object): void {
    this.peer.postMessage({ jsonrpc: "2.0", ...message }, "*");
  }

  private receive = (event: MessageEvent): void => {
    const m = event.data as Message | null;
    if (event.source !== this.peer || !m || typeof m !== "object" || m.jsonrpc !== "2.0") return;
    const { id, method } = m;
    if (typeof method === "string") {
      if (id == null) this.onNotification(method, m.params ?? {});
      else void this.answer(id, method, m.params ?? {});
      return;
    }
    const p = id != null && this.pending.get(id);
    if (!p) return;
    this.pending.delete(id!);
    clearTimeout(p.timer);
    if (m.error) p.reject(new RpcError(m.error.message, m.error.code, m.error.data));
    else p.resolve(m.result);
  };

  private async answer(id: Id, method: string, params: Record<string, unknown>): Promise<void> {
    try {
      const result = method === "ping" ? {} : await this.onRequest(method, params);
      if (result === undefined) throw new RpcError(`Method not found: ${method}`, METHOD_NOT_FOUND);
      this.post({ id, result });
    } catch (e) {
      const err = e as Partial<RpcError>;
      this.post({ id, error: { code: err.code ?? -32603, message: String(err.message ?? e) } });
    }
  }
}
