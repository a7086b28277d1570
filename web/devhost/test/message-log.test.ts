import type { JSONRPCMessage, Transport } from "@modelcontextprotocol/client";
import { describe, expect, it } from "vitest";
import { LoggingTransport, type LogEntry } from "../src/host/message-log";

class FakeTransport implements Transport {
  sent: JSONRPCMessage[] = [];
  onmessage?: Transport["onmessage"];
  async start() {}
  async send(message: JSONRPCMessage) {
    this.sent.push(message);
  }
  async close() {}
}

describe("LoggingTransport", () => {
  it("logs both ways and names responses after their request", async () => {
    const inner = new FakeTransport();
    const entries: Omit<LogEntry, "seq" | "at">[] = [];
    const transport = new LoggingTransport(inner, "mcp", (e) => entries.push(e));
    const received: JSONRPCMessage[] = [];
    transport.onmessage = (m) => void received.push(m);

    await transport.send({ jsonrpc: "2.0", id: 1, method: "tools/call", params: {} } as JSONRPCMessage);
    inner.onmessage!({ jsonrpc: "2.0", id: 1, result: {} } as JSONRPCMessage);
    inner.onmessage!({ jsonrpc: "2.0", id: 1, method: "ui/initialize", params: {} } as JSONRPCMessage);
    await transport.send({ jsonrpc: "2.0", id: 1, result: {} } as JSONRPCMessage);

    expect(inner.sent).toHaveLength(2);
    expect(received).toHaveLength(2);
    expect(entries.map((e) => [e.direction, e.label])).toEqual([
      ["out", "tools/call"],
      ["in", "tools/call (response)"],
      ["in", "ui/initialize"],
      ["out", "ui/initialize (response)"],
    ]);
    expect(entries[1]!.elapsed).toBeGreaterThanOrEqual(0);
  });
});
