/**
 * The dev host's own postMessage envelopes, beside the MCP Apps JSON-RPC traffic. They are not JSON-RPC
 * (no `jsonrpc` member), so the MCP Apps transports ignore them, and the sandbox proxy relays them like
 * everything else.
 */

/** A CSP violation inside the widget, reported by the sandbox proxy's listener in the widget document. */
export const CSP_VIOLATION = "inlay:csp-violation";

/** A `window.openai` method call from the widget (ChatGPT mode). */
export const OPENAI_CALL = "inlay:openai-call";

/** The host's answer to an {@link OPENAI_CALL}. */
export const OPENAI_REPLY = "inlay:openai-reply";

/** New `window.openai` globals from the host (ChatGPT mode); the shim fires `openai:set_globals`. */
export const OPENAI_GLOBALS = "inlay:openai-globals";

export interface CspViolation {
  directive: string;
  blockedUri: string;
  sourceFile?: string;
  line?: number;
  sample?: string;
}

export interface OpenAiCall {
  id: number;
  method: string;
  params: unknown;
}

export interface OpenAiReply {
  id: number;
  result?: unknown;
  error?: string;
}

/** Reads one of the envelopes above off a message, or undefined when the message is something else. */
export function envelope<T>(data: unknown, type: string): T | undefined {
  if (typeof data !== "object" || data === null || !(type in data)) return undefined;
  return (data as Record<string, T>)[type];
}
