// The dev host's OAuth client without a browser, for the official MCP conformance suite's client scenarios
// (`conformance client --suite auth --command "node conformance-client.mjs"`, which appends the server URL).
//
// It drives the same pieces the dev host page uses: the SDK's Client and Streamable HTTP transport with the dev host's
// OAuthClientProvider (DevHostOAuthProvider: public client, PKCE S256, resource, refresh, DCR or a client metadata URL),
// and the same retry: a call refused for sign-in waits for the authorization, then runs again. Where the page shows
// the authorization request in a popup and a person answers it, this follows the suite's authorization server's
// redirect itself and hands the code back through finishAuth, as the callback page does.
import { Client, StreamableHTTPClientTransport, UnauthorizedError } from "@modelcontextprotocol/client";
import { DevHostOAuthProvider, storageKey, type AuthorizationRequest } from "../src/host/oauth/provider";

// The little of Node this needs, declared here rather than pulling Node's types into the page's type check.
declare const process: {
  argv: string[];
  env: Record<string, string | undefined>;
  exit(code: number): never;
  stderr: { write(text: string): void };
};

/** The suite's authorization servers accept this URL as a client_id when they advertise CIMD, without fetching it. */
const CLIENT_METADATA_URL = "https://conformance-test.local/client-metadata.json";
const REDIRECT_URL = "http://localhost:3000/callback";
const MAX_SIGN_INS = 3;

/** sessionStorage's shape over a Map: the page keeps a sign-in per tab, this process per run. */
class MemoryStorage implements Storage {
  private readonly items = new Map<string, string>();
  get length() { return this.items.size; }
  clear() { this.items.clear(); }
  getItem(key: string) { return this.items.get(key) ?? null; }
  key(index: number) { return [...this.items.keys()][index] ?? null; }
  removeItem(key: string) { this.items.delete(key); }
  setItem(key: string, value: string) { this.items.set(key, value); }
}

async function run(serverUrl: string): Promise<void> {
  let pending: AuthorizationRequest | undefined;
  const storage = new MemoryStorage();
  // A client registered beforehand (the suite passes its id and secret) is stored as if it had registered itself.
  const context = JSON.parse(process.env.MCP_CONFORMANCE_CONTEXT ?? "{}") as { client_id?: string; client_secret?: string };
  if (context.client_id) {
    storage.setItem(storageKey(serverUrl), JSON.stringify({ clientInformation: { client_id: context.client_id, client_secret: context.client_secret } }));
  }
  const provider = new DevHostOAuthProvider(serverUrl, {
    redirectUrl: REDIRECT_URL,
    storage,
    clientMetadataUrl: CLIENT_METADATA_URL,
    onAuthorization: (request) => { pending = request; },
  });

  let signIns = 0;
  /** Runs a step; when the server wants sign-in (401, or 403 insufficient_scope), signs in and runs it again. */
  async function withSignIn<T>(step: () => Promise<T>): Promise<T> {
    for (;;) {
      try {
        return await step();
      } catch (error) {
        if (!(error instanceof UnauthorizedError) || !pending || signIns >= MAX_SIGN_INS) throw error;
        signIns++;
        const request = pending;
        pending = undefined;
        const answer = await authorize(request);
        provider.redeemWith(request.verifier);
        await new StreamableHTTPClientTransport(new URL(serverUrl), { authProvider: provider }).finishAuth(answer);
        log(`signed in (${signIns})`);
      }
    }
  }

  let transport = new StreamableHTTPClientTransport(new URL(serverUrl), { authProvider: provider });
  const client = new Client({ name: "inlay-devhost", version: "0.1.0" }, { capabilities: {} });
  await withSignIn(async () => {
    // A connection refused for sign-in is opened again on a fresh transport, as the page does.
    transport = new StreamableHTTPClientTransport(new URL(serverUrl), { authProvider: provider });
    await client.connect(transport);
  });
  const { tools } = await withSignIn(() => client.listTools());
  log(`tools: ${tools.map((t) => t.name).join(", ")}`);
  const tool = tools.find((t) => t.name === "test-tool") ?? tools[0];
  if (tool) await withSignIn(() => client.callTool({ name: tool.name, arguments: {} }));
  await transport.close();
}

/** Follows the authorization server's redirects to the redirect URI and returns the answer's query. */
async function authorize(request: AuthorizationRequest): Promise<URLSearchParams> {
  let url = request.url;
  for (let hop = 0; hop < 10; hop++) {
    const response = await fetch(url, { redirect: "manual" });
    const location = response.headers.get("location");
    if (response.status < 300 || response.status >= 400 || !location) {
      throw new Error(`the authorization request answered ${response.status} without a redirect`);
    }
    const next = new URL(location, url);
    if (next.href.startsWith(REDIRECT_URL)) {
      if (next.searchParams.get("state") !== request.state) throw new Error("the authorization answer's state is not the request's");
      return next.searchParams;
    }
    url = next;
  }
  throw new Error("no answer at the redirect URI after 10 redirects");
}

function log(message: string) {
  process.stderr.write(`conformance-client: ${message}\n`);
}

const serverUrl = process.argv.at(-1);
if (!serverUrl?.startsWith("http")) {
  log("usage: node conformance-client.mjs <server-url>");
  process.exit(2);
}
run(serverUrl).then(
  () => process.exit(0),
  (error: unknown) => {
    log(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
