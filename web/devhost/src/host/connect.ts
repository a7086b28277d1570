import { Client, StreamableHTTPClientTransport } from "@modelcontextprotocol/client";
import { LoggingTransport, type Logger } from "./message-log";

/** Where the app's MCP endpoint and the sandbox proxy are, as MapInlay serves them in /_inlay/devhost.json. */
export interface DevHostConfig {
  mcpUrl: string;
  sandboxUrl: string;
  appName: string;
}

export async function loadConfig(): Promise<DevHostConfig> {
  const response = await fetch("./devhost.json", { cache: "no-store" });
  if (!response.ok) throw new Error(`devhost.json answered ${response.status}`);
  return (await response.json()) as DevHostConfig;
}

/**
 * A real MCP client over Streamable HTTP to the app's endpoint, announcing MCP Apps support the way MCP Apps
 * hosts do (the io.modelcontextprotocol/ui extension), so servers that check for it render widgets.
 */
export async function connect(config: DevHostConfig, log: Logger): Promise<Client> {
  const client = new Client(
    { name: "inlay-devhost", version: "0.1.0" },
    {
      capabilities: {
        extensions: { "io.modelcontextprotocol/ui": { mimeTypes: ["text/html;profile=mcp-app"] } },
      },
    },
  );
  const url = new URL(config.mcpUrl, location.href);
  // No standalone GET event stream: the page needs no messages outside a request's own response (rebuilt widgets are
  // announced on /_inlay/events), and a stateless server answers that GET with 405, which the browser logs as an
  // error. The transport's GET gets the 405 here instead, which it reads as "no stream offered"; POSTs go out as usual.
  const noEventStream = (input: string | URL, init?: RequestInit) =>
    init?.method === "GET" ? Promise.resolve(new Response(null, { status: 405 })) : fetch(input, init);
  await client.connect(new LoggingTransport(new StreamableHTTPClientTransport(url, { fetch: noEventStream }), "mcp", log));
  return client;
}
