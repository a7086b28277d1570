import { Client, StreamableHTTPClientTransport, UnauthorizedError, type FetchLike } from "@modelcontextprotocol/client";
import { GENERIC_IDENTITY, type ClientIdentity } from "./hosts/profiles";
import { LoggingTransport, type Logger } from "./message-log";
import { resultChallenge } from "./oauth/challenge";
import type { SignIn } from "./oauth/sign-in";

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

/** What the host page and the widgets ask of the app's server. */
export type ServerCalls = Pick<Client, "callTool" | "listTools" | "readResource" | "listResources" | "listResourceTemplates">;

/**
 * A real MCP client over Streamable HTTP to the app's endpoint, introducing itself as the host the dev host plays
 * (its `clientInfo` name, the io.modelcontextprotocol/ui extension MCP Apps hosts announce; see `clientIdentity`) and
 * adding that host's request `_meta` to tool calls (ChatGPT's `openai/*`). The HTTP User-Agent stays the browser's:
 * a page cannot set it.
 *
 * Signs in as a host does when the server asks: the transport runs the SDK's OAuth client (a 401 refreshes the token
 * or starts sign-in in a popup); a call the SDK stopped with UnauthorizedError waits for that sign-in and goes again,
 * and a tool result that asks for sign-in (`_meta["mcp/www_authenticate"]`) is retried once after it.
 */
export class Connection implements ServerCalls {
  private constructor(
    private readonly client: Client,
    private readonly signIn: SignIn,
    private readonly url: URL,
    private readonly requestMeta: () => Record<string, unknown> | undefined,
  ) {}

  /**
   * Connects as `identity`, waiting for sign-in when the server wants it (the popup, or the next one the person starts).
   * `requestMeta` gives the `_meta` each tool call carries (read at each call, so it follows the settings).
   */
  static async open(
    config: DevHostConfig,
    log: Logger,
    signIn: SignIn,
    identity: ClientIdentity = GENERIC_IDENTITY,
    requestMeta: () => Record<string, unknown> | undefined = () => undefined,
  ): Promise<Connection> {
    const url = new URL(config.mcpUrl, location.href);
    for (let attempt = 0; ; attempt++) {
      // Speak MCP 2026-07-28 where the app does (else the 2025 handshake): each request then carries the client's name
      // and capabilities in `_meta`, so even a stateless app knows on every request which host the dev host plays.
      const client = new Client(identity.clientInfo, { capabilities: identity.capabilities, versionNegotiation: { mode: "auto" } });
      const transport = new StreamableHTTPClientTransport(url, { authProvider: signIn.provider, fetch: withoutEventStream(signIn.fetch) });
      try {
        await client.connect(new LoggingTransport(transport, "mcp", log));
        return new Connection(client, signIn, url, requestMeta);
      } catch (e) {
        if (!signIn.isSignInFailure(e)) throw e;
        if (UnauthorizedError.isInstance(e) && attempt < 3) {
          try {
            await signIn.settled();
            continue;
          } catch {
            // Cancelled or failed: wait for the person to sign in from the Sign-in area.
          }
        } else if (!UnauthorizedError.isInstance(e)) signIn.fail(e);
        await signIn.nextSignIn();
        attempt = 0;
      }
    }
  }

  callTool: Client["callTool"] = async (request, options) => {
    const meta = this.requestMeta();
    const params = meta ? { ...request, _meta: { ...meta, ...request._meta } } : request;
    const result = await this.withSignIn(() => this.client.callTool(params, options));
    const challenge = resultChallenge(result as Record<string, unknown>, this.url);
    if (!challenge) return result;
    try {
      await this.signIn.authorize(challenge);
    } catch {
      // Sign-in failed or was cancelled (the Sign-in area says which): the tool's own answer stands.
      return result;
    }
    return this.withSignIn(() => this.client.callTool(params, options));
  };

  listTools: Client["listTools"] = (params, options) => this.withSignIn(() => this.client.listTools(params, options));
  readResource: Client["readResource"] = (params, options) => this.withSignIn(() => this.client.readResource(params, options));
  listResources: Client["listResources"] = (params, options) => this.withSignIn(() => this.client.listResources(params, options));
  listResourceTemplates: Client["listResourceTemplates"] = (params, options) =>
    this.withSignIn(() => this.client.listResourceTemplates(params, options));

  /** The MCP revision the app and the dev host agreed on, such as 2026-07-28 (every request names the client) or 2025-11-25. */
  get protocolVersion(): string | undefined {
    return this.client.getNegotiatedProtocolVersion();
  }

  close(): Promise<void> {
    return this.client.close();
  }

  /** Runs a request; when the SDK stopped it to sign in, waits for the sign-in and runs it again. */
  private async withSignIn<T>(run: () => Promise<T>): Promise<T> {
    for (let round = 0; ; round++) {
      try {
        return await run();
      } catch (e) {
        if (UnauthorizedError.isInstance(e) && round < 2) {
          await this.signIn.settled();
          continue;
        }
        if (this.signIn.isSignInFailure(e) && !UnauthorizedError.isInstance(e)) throw new Error(this.signIn.fail(e), { cause: e });
        throw e;
      }
    }
  }
}

/**
 * No standalone GET event stream: the page needs no messages outside a request's own response (rebuilt widgets are
 * announced on /_inlay/events), and a stateless server answers that GET with 405, which the browser logs as an error.
 * The transport's GET gets the 405 here instead, which it reads as "no stream offered"; POSTs go out as usual.
 */
function withoutEventStream(fetch: FetchLike): FetchLike {
  return (input, init) => (init?.method === "GET" ? Promise.resolve(new Response(null, { status: 405 })) : fetch(input, init));
}
