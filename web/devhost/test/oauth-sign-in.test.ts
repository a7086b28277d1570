import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Connection } from "../src/host/connect";
import type { LogEntry } from "../src/host/message-log";
import { SignIn } from "../src/host/oauth/sign-in";
import { storageKey } from "../src/host/oauth/provider";
import { FakeOAuth, MCP_URL, RESOURCE_METADATA } from "./fake-oauth";

const redirectUrl = "http://localhost:3000/_inlay/oauth-callback.html";
const config = { mcpUrl: "/mcp", sandboxUrl: "http://127.0.0.1:1/sandbox.html", appName: "Fake" };

let fake: FakeOAuth;
let signIn: SignIn;
let log: Omit<LogEntry, "seq" | "at">[];

function start(options?: ConstructorParameters<typeof FakeOAuth>[0], openWindow?: (url: string) => Window | null) {
  fake = new FakeOAuth(options);
  log = [];
  signIn = new SignIn({ mcpUrl: MCP_URL, redirectUrl, log: (e) => log.push(e), fetch: fake.fetch, openWindow: openWindow ?? fake.openWindow });
}

const text = (result: unknown) => ((result as { content: { text: string }[] }).content[0]!.text);
const until = async (condition: () => boolean) => {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
  expect(condition()).toBe(true);
};
const stored = () => JSON.parse(sessionStorage.getItem(storageKey(MCP_URL)) ?? "{}");

describe("signing in to a server that answers 401", () => {
  beforeEach(() => {
    sessionStorage.clear();
    start({ protectEverything: true });
  });
  afterEach(() => signIn.dispose());

  it("registers, authorizes with PKCE in the popup, redeems the code and connects", async () => {
    const connection = await Connection.open(config, (e) => log.push(e), signIn);
    expect((await connection.listTools()).tools.map((t) => t.name)).toEqual(["whoami", "admin"]);

    const [client] = [...fake.clients.values()];
    expect(client).toMatchObject({
      client_name: "Inlay dev host",
      redirect_uris: [redirectUrl],
      token_endpoint_auth_method: "none",
      grant_types: ["authorization_code", "refresh_token"],
    });
    expect(fake.authorizations).toHaveLength(1);
    const request = fake.authorizations[0]!.searchParams;
    expect(request.get("code_challenge_method")).toBe("S256");
    expect(request.get("resource")).toBe(MCP_URL);
    expect(request.get("scope")).toBe("board offline_access");
    expect(request.get("redirect_uri")).toBe(redirectUrl);
    expect(request.get("prompt")).not.toMatch(/login/);

    expect(signIn.getSnapshot()).toMatchObject({ phase: "idle", required: true, user: { name: "alice@example.com", scopes: ["board", "offline_access"] } });
    expect(log.filter((e) => e.channel === "auth").map((e) => e.label)).toContainEqual(
      expect.stringMatching(/^signed in as alice@example\.com \(scopes board offline_access\), expires \d/),
    );
    expect(fake.requests.filter((r) => r.url === MCP_URL && r.method === "POST").at(-1)!.authorization).toMatch(/^Bearer ey/);
  });

  it("keeps tokens and the refresh token out of the log", async () => {
    const connection = await Connection.open(config, (e) => log.push(e), signIn);
    await connection.callTool({ name: "whoami", arguments: {} });
    const { tokens } = stored();
    const logged = JSON.stringify(log);
    expect(tokens.access_token).toBeTruthy();
    expect(logged).not.toContain(tokens.access_token);
    expect(logged).not.toContain(tokens.access_token.split(".")[1]);
    expect(logged).not.toContain(tokens.refresh_token);
    expect(logged).not.toMatch(/Bearer ey|code-\d/);
  });

  it("refreshes an expired access token on the 401 without a popup, one refresh for calls at the same time", async () => {
    const connection = await Connection.open(config, (e) => log.push(e), signIn);
    fake.expireAccessTokens();
    const results = await Promise.all([1, 2, 3].map(() => connection.callTool({ name: "whoami", arguments: {} })));
    expect(results.map(text)).toEqual(["whoami: alice@example.com", "whoami: alice@example.com", "whoami: alice@example.com"]);
    expect(fake.authorizations).toHaveLength(1);
    expect(fake.count("/connect/token", (b) => b.get("grant_type") === "refresh_token")).toBe(1);
    expect(log.some((e) => e.label.startsWith("refreshed the access token for alice@example.com"))).toBe(true);
  });

  it("signs in again in the popup when the refresh token was revoked", async () => {
    const connection = await Connection.open(config, (e) => log.push(e), signIn);
    fake.revoke(stored().tokens.refresh_token);
    fake.expireAccessTokens();
    fake.user = "bob@example.com";
    expect(text(await connection.callTool({ name: "whoami", arguments: {} }))).toBe("whoami: bob@example.com");
    expect(fake.authorizations).toHaveLength(2);
    expect(signIn.getSnapshot().user?.name).toBe("bob@example.com");
  });

  it("shares one popup between calls that need sign-in at once, and takes the answer to any of their requests", async () => {
    const connection = await Connection.open(config, (e) => log.push(e), signIn);
    fake.revoke(stored().tokens.refresh_token);
    fake.expireAccessTokens();
    fake.popup = "first-page-only";
    const results = await Promise.all([1, 2].map(() => connection.callTool({ name: "whoami", arguments: {} })));
    expect(results.map(text)).toEqual(["whoami: alice@example.com", "whoami: alice@example.com"]);
    expect(signIn.getSnapshot()).toMatchObject({ phase: "idle", user: { name: "alice@example.com" } });
  });

  it("signs out: forgets everything in the page and revokes the refresh token", async () => {
    await Connection.open(config, (e) => log.push(e), signIn);
    const { tokens, clientInformation } = stored();
    await signIn.signOut();
    expect(sessionStorage.getItem(storageKey(MCP_URL))).toBeNull();
    expect(signIn.getSnapshot().user).toBeUndefined();
    const revoke = fake.requests.find((r) => r.url.endsWith("/connect/revoke"))!;
    expect(Object.fromEntries(new URLSearchParams(revoke.body))).toEqual({
      token: tokens.refresh_token,
      token_type_hint: "refresh_token",
      client_id: clientInformation.client_id,
    });
    expect(log.at(-1)!.label).toBe("signed out (revoked the refresh token)");
  });

  it("switches user: signs out, then authorizes again with prompt=login", async () => {
    const connection = await Connection.open(config, (e) => log.push(e), signIn);
    fake.user = "bob@example.com";
    await signIn.switchUser();
    expect(fake.authorizations).toHaveLength(2);
    expect(fake.authorizations[1]!.searchParams.getAll("prompt")).toEqual(["login consent"]);
    expect(fake.clients.size).toBe(2);
    expect(signIn.getSnapshot().user?.name).toBe("bob@example.com");
    expect(text(await connection.callTool({ name: "whoami", arguments: {} }))).toBe("whoami: bob@example.com");
    // The next sign-in is an ordinary one again.
    await signIn.signOut();
    await signIn.start();
    expect(fake.authorizations[2]!.searchParams.getAll("prompt")).toEqual(["consent"]);
  });

  it("waits for Continue sign-in when the browser blocks the popup", async () => {
    let blocked = true;
    signIn.dispose();
    start({ protectEverything: true }, (url) => (blocked ? null : fake.openWindow(url)));
    const connecting = Connection.open(config, (e) => log.push(e), signIn);
    await until(() => signIn.getSnapshot().phase === "blocked");
    expect(fake.authorizations).toHaveLength(0);
    blocked = false;
    signIn.continueInPopup();
    await connecting;
    expect(fake.authorizations).toHaveLength(1);
    expect(signIn.getSnapshot().user?.name).toBe("alice@example.com");
  });

  it("names a refused registration and stays unconnected", async () => {
    signIn.dispose();
    start({ protectEverything: true, refuseRegistration: { status: 400, body: { error: "invalid_redirect_uri", error_description: "http is not allowed" } } });
    let connected = false;
    void Connection.open(config, (e) => log.push(e), signIn).then(() => (connected = true));
    await until(() => signIn.getSnapshot().phase === "failed");
    expect(signIn.getSnapshot().error).toBe("The authorization server refused the registration: 400 invalid_redirect_uri: http is not allowed");
    expect(connected).toBe(false);
  });

  it("names the authorization server's paths it could not reach, and CORS", async () => {
    signIn.dispose();
    start({ protectEverything: true, unreachable: true });
    void Connection.open(config, (e) => log.push(e), signIn);
    await until(() => signIn.getSnapshot().phase === "failed");
    expect(signIn.getSnapshot().error).toBe(
      "Could not reach http://127.0.0.1:5100/.well-known/oauth-authorization-server, /.well-known/openid-configuration, /register: " +
        "Failed to fetch (a page's requests to another origin need CORS on that server)",
    );
  });

  it("names a denial at the authorization server, and Sign in tries again", async () => {
    fake.popup = "deny";
    const connecting = Connection.open(config, (e) => log.push(e), signIn);
    await until(() => signIn.getSnapshot().phase === "failed");
    expect(signIn.getSnapshot().error).toBe("The authorization server refused: access_denied (The user said no.)");
    fake.popup = "sign-in";
    await signIn.start();
    await connecting;
    expect(signIn.getSnapshot()).toMatchObject({ phase: "idle", user: { name: "alice@example.com" } });
  });

  it("uses a client metadata URL as client_id instead of registering when given one and the server takes them (CIMD)", async () => {
    signIn.dispose();
    fake = new FakeOAuth({ protectEverything: true, clientIdMetadataDocuments: true });
    const clientMetadataUrl = "https://devhost.example/inlay-client.json";
    signIn = new SignIn({ mcpUrl: MCP_URL, redirectUrl, log: (e) => log.push(e), fetch: fake.fetch, openWindow: fake.openWindow, clientMetadataUrl });
    await Connection.open(config, (e) => log.push(e), signIn);
    expect(fake.count("/connect/register")).toBe(0);
    expect(fake.authorizations[0]!.searchParams.get("client_id")).toBe(clientMetadataUrl);
    expect(signIn.getSnapshot().user?.name).toBe("alice@example.com");
  });

  it("keeps the sign-in across a reload (a new page on the same sessionStorage)", async () => {
    await Connection.open(config, (e) => log.push(e), signIn);
    signIn.dispose();
    start({ protectEverything: true });
    expect(signIn.getSnapshot().user?.name).toBe("alice@example.com");
  });
});

describe("a tool result that asks for sign-in (mcp/www_authenticate)", () => {
  beforeEach(() => {
    sessionStorage.clear();
    start();
  });
  afterEach(() => signIn.dispose());

  it("connects without sign-in, then signs in for the tool and retries it once", async () => {
    const connection = await Connection.open(config, (e) => log.push(e), signIn);
    expect(signIn.getSnapshot()).toEqual({ phase: "idle", required: false });
    expect(fake.authorizations).toHaveLength(0);

    expect(text(await connection.callTool({ name: "whoami", arguments: {} }))).toBe("whoami: alice@example.com");
    expect(fake.authorizations).toHaveLength(1);
    expect(fake.authorizations[0]!.searchParams.get("scope")).toBe("board offline_access");
    expect(log.some((e) => e.channel === "auth" && e.label.includes(`resource_metadata=${RESOURCE_METADATA}`))).toBe(true);
  });

  it("asks for more scope without losing what was granted (insufficient_scope)", async () => {
    const connection = await Connection.open(config, (e) => log.push(e), signIn);
    await connection.callTool({ name: "whoami", arguments: {} });
    expect(text(await connection.callTool({ name: "admin", arguments: {} }))).toBe("admin: alice@example.com");
    expect(fake.authorizations).toHaveLength(2);
    expect(fake.authorizations[1]!.searchParams.get("scope")!.split(" ").sort()).toEqual(["admin", "board", "offline_access"]);
    // A new sign-in asks for what the resource lists again, not for the last tool's extra scope alone.
    await signIn.switchUser();
    expect(fake.authorizations[2]!.searchParams.get("scope")).toBe("board offline_access");
  });

  it("gives the tool's own answer back when sign-in is cancelled", async () => {
    const connection = await Connection.open(config, (e) => log.push(e), signIn);
    fake.popup = "wait";
    const calling = connection.callTool({ name: "whoami", arguments: {} });
    await until(() => signIn.getSnapshot().phase === "popup");
    signIn.cancel();
    const result = await calling;
    expect(result.isError).toBe(true);
    expect(text(result)).toBe("Sign-in required.");
    expect(signIn.getSnapshot()).toMatchObject({ phase: "idle", required: true });
    expect(signIn.getSnapshot().user).toBeUndefined();
  });
});
