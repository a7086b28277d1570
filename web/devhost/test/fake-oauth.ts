import { OAUTH_CALLBACK } from "../src/shared/oauth-callback";

/** An unsigned JWT with these claims (the dev host never checks signatures). */
export function jwt(claims: Record<string, unknown>): string {
  const part = (value: unknown) =>
    btoa(String.fromCharCode(...new TextEncoder().encode(JSON.stringify(value))))
      .replace(/\+/g, "-")
      .replace(/\//g, "_")
      .replace(/=+$/, "");
  return `${part({ alg: "RS256", typ: "at+jwt" })}.${part(claims)}.c2lnbmF0dXJl`;
}

async function s256(verifier: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(verifier)));
  return btoa(String.fromCharCode(...digest)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

export const RS = "http://localhost:3000";
export const MCP_URL = `${RS}/mcp`;
export const AS = "http://127.0.0.1:5100";
export const ISSUER = `${AS}/`;
export const RESOURCE_METADATA = `${RS}/.well-known/oauth-protected-resource/mcp`;

interface Grant {
  clientId: string;
  user: string;
  scope: string;
  resource: string;
}

export interface FakeOptions {
  /** Whether initialize and tools/list need a token too (Board); else only tools/call does, by result challenge. */
  protectEverything?: boolean;
  /** Answer registration with this error. */
  refuseRegistration?: { status: number; body: unknown };
  /** The authorization server cannot be reached from the page (no CORS): every request to it fails as fetch does. */
  unreachable?: boolean;
  /** Advertise client ID metadata documents (CIMD): a URL as client_id instead of registering. */
  clientIdMetadataDocuments?: boolean;
}

/**
 * A loopback authorization server and MCP resource server in one fetch function, and a "person" at the popup: what
 * the Vitest tests of the sign-in flow run against. Access tokens are unsigned JWTs (sub, email, scope, exp, aud);
 * refresh tokens rotate; each request is recorded.
 */
export class FakeOAuth {
  readonly requests: { method: string; url: string; body?: string; authorization?: string }[] = [];
  readonly authorizations: URL[] = [];
  readonly clients = new Map<string, Record<string, unknown>>();
  /** Who the person at the popup signs in as. */
  user = "alice@example.com";
  /** What the person does at the popup: sign in, deny, or nothing (the popup stays open). */
  popup: "sign-in" | "deny" | "wait" | "first-page-only" = "sign-in";
  private codes = new Map<string, Grant & { challenge: string; redirectUri: string }>();
  private access = new Map<string, Grant & { expired: boolean }>();
  private refresh = new Map<string, Grant & { used: boolean; revoked: boolean }>();
  private seq = 0;

  constructor(private readonly options: FakeOptions = {}) {}

  /** Every access token issued so far stops working (the resource server answers 401 invalid_token). */
  expireAccessTokens() {
    for (const grant of this.access.values()) grant.expired = true;
  }

  revoke(refreshToken: string) {
    const grant = this.refresh.get(refreshToken);
    if (grant) grant.revoked = true;
  }

  count(path: string, predicate?: (body: URLSearchParams) => boolean) {
    return this.requests.filter((r) => new URL(r.url).pathname === path && (!predicate || predicate(new URLSearchParams(r.body ?? "")))).length;
  }

  fetch = async (input: string | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(String(input));
    const method = init?.method ?? "GET";
    const headers = new Headers(init?.headers);
    const body = init?.body === undefined || init.body === null ? undefined : String(init.body);
    this.requests.push({ method, url: url.href, body, authorization: headers.get("authorization") ?? undefined });
    const json = (value: unknown, status = 200, extra: Record<string, string> = {}) =>
      new Response(JSON.stringify(value), { status, headers: { "content-type": "application/json", ...extra } });

    if (url.origin === RS) {
      if (url.pathname === "/.well-known/oauth-protected-resource/mcp")
        return json({ resource: MCP_URL, authorization_servers: [ISSUER], scopes_supported: ["board"], bearer_methods_supported: ["header"] });
      if (url.pathname === "/mcp" && method === "GET") return new Response(null, { status: 405 });
      if (url.pathname === "/mcp" && method === "POST") return this.mcp(JSON.parse(body!), headers.get("authorization"), json);
    }
    if (url.origin === AS) {
      if (this.options.unreachable) throw new TypeError("Failed to fetch");
      switch (url.pathname) {
        case "/.well-known/oauth-authorization-server":
          return json({
            issuer: ISSUER,
            authorization_endpoint: `${AS}/connect/authorize`,
            token_endpoint: `${AS}/connect/token`,
            registration_endpoint: `${AS}/connect/register`,
            revocation_endpoint: `${AS}/connect/revoke`,
            response_types_supported: ["code"],
            grant_types_supported: ["authorization_code", "refresh_token"],
            code_challenge_methods_supported: ["S256"],
            token_endpoint_auth_methods_supported: ["none"],
            scopes_supported: ["board", "admin", "openid", "email", "profile", "offline_access"],
            ...(this.options.clientIdMetadataDocuments ? { client_id_metadata_document_supported: true } : {}),
          });
        case "/connect/register": {
          if (this.options.refuseRegistration) return json(this.options.refuseRegistration.body, this.options.refuseRegistration.status);
          const metadata = JSON.parse(body!) as Record<string, unknown>;
          const client_id = `client-${++this.seq}`;
          this.clients.set(client_id, metadata);
          return json({ ...metadata, client_id, client_id_issued_at: 1 }, 201);
        }
        case "/connect/token":
          return this.token(new URLSearchParams(body), json);
        case "/connect/revoke":
          this.revoke(new URLSearchParams(body).get("token") ?? "");
          return new Response(null, { status: 200 });
      }
    }
    return new Response("not found", { status: 404 });
  };

  /**
   * The popup: window.open as the SignIn calls it. At the authorization endpoint the person signs in (or denies) and
   * the popup answers like the callback page would; the placeholder page waits for the request through location.href.
   */
  openWindow = (href: string): Window => {
    let current = href;
    let pages = 0;
    const visit = (url: string) => {
      current = url;
      if (new URL(url).pathname !== "/connect/authorize") return;
      // "first-page-only": the person answers the first page the popup showed, a moment after it moved on.
      if (this.popup === "first-page-only") {
        if (pages++ === 0) setTimeout(() => void this.answer(new URL(url), "sign-in"), 20);
      } else void this.answer(new URL(url));
    };
    const win = {
      closed: false,
      close: () => void (win.closed = true),
      location: {
        get href() {
          return current;
        },
        set href(next: string) {
          visit(next);
        },
      },
    };
    visit(href);
    return win as unknown as Window;
  };

  private async answer(authorize: URL, action = this.popup) {
    this.authorizations.push(authorize);
    if (action === "wait") return;
    const p = authorize.searchParams;
    const callback = new URL(p.get("redirect_uri")!);
    callback.searchParams.set("state", p.get("state") ?? "");
    callback.searchParams.set("iss", ISSUER);
    if (action === "deny") {
      callback.searchParams.set("error", "access_denied");
      callback.searchParams.set("error_description", "The user said no.");
    } else {
      const code = `code-${++this.seq}`;
      this.codes.set(code, {
        clientId: p.get("client_id")!,
        user: this.user,
        scope: p.get("scope") ?? "",
        resource: p.get("resource") ?? "",
        challenge: p.get("code_challenge")!,
        redirectUri: p.get("redirect_uri")!,
      });
      callback.searchParams.set("code", code);
    }
    await new Promise((resolve) => setTimeout(resolve, 0));
    window.dispatchEvent(new MessageEvent("message", { data: { [OAUTH_CALLBACK]: { search: callback.search } }, origin: callback.origin }));
  }

  private async token(form: URLSearchParams, json: (value: unknown, status?: number) => Response) {
    const refused = (error: string) => json({ error, error_description: `refused: ${error}` }, 400);
    let grant: Grant;
    if (form.get("grant_type") === "authorization_code") {
      const code = this.codes.get(form.get("code") ?? "");
      this.codes.delete(form.get("code") ?? "");
      if (!code || code.clientId !== form.get("client_id") || code.redirectUri !== form.get("redirect_uri")) return refused("invalid_grant");
      if ((await s256(form.get("code_verifier") ?? "")) !== code.challenge) return refused("invalid_grant");
      if (form.get("resource") !== code.resource) return refused("invalid_target");
      grant = code;
    } else if (form.get("grant_type") === "refresh_token") {
      const old = this.refresh.get(form.get("refresh_token") ?? "");
      if (!old || old.used || old.revoked || old.clientId !== form.get("client_id")) return refused("invalid_grant");
      old.used = true;
      grant = old;
    } else return refused("unsupported_grant_type");

    const n = ++this.seq;
    const access_token = jwt({ sub: `sub-${grant.user}`, email: grant.user, scope: grant.scope, aud: grant.resource, exp: Math.floor(Date.now() / 1000) + 300, n });
    const refresh_token = `refresh-${n}`;
    this.access.set(access_token, { ...grant, expired: false });
    if (grant.scope.split(" ").includes("offline_access")) this.refresh.set(refresh_token, { ...grant, used: false, revoked: false });
    return json({
      access_token,
      token_type: "Bearer",
      expires_in: 300,
      scope: grant.scope,
      ...(grant.scope.split(" ").includes("offline_access") ? { refresh_token } : {}),
    });
  }

  private mcp(message: { id?: number; method: string; params?: Record<string, unknown> }, authorization: string | null, json: (value: unknown, status?: number, extra?: Record<string, string>) => Response) {
    const token = authorization?.replace(/^Bearer /, "");
    const grant = token ? this.access.get(token) : undefined;
    const valid = grant && !grant.expired && grant.resource === MCP_URL;
    const challenge = `Bearer resource_metadata="${RESOURCE_METADATA}"${token ? ', error="invalid_token"' : ""}`;
    if (this.options.protectEverything && !valid) return json({ error: "unauthorized" }, 401, { "www-authenticate": challenge });
    const reply = (result: unknown) => json({ jsonrpc: "2.0", id: message.id, result });
    switch (message.method) {
      case "initialize":
        return reply({ protocolVersion: message.params!.protocolVersion, capabilities: { tools: {} }, serverInfo: { name: "fake", version: "1" } });
      case "notifications/initialized":
        return new Response(null, { status: 202 });
      case "tools/list":
        return reply({ tools: ["whoami", "admin"].map((name) => ({ name, inputSchema: { type: "object" } })) });
      case "tools/call": {
        const name = message.params!.name as string;
        const needs = name === "admin" ? "admin" : "board";
        if (!valid || !grant.scope.split(" ").includes(needs)) {
          const error = valid ? ', error="insufficient_scope"' : token ? ', error="invalid_token"' : "";
          return reply({
            isError: true,
            content: [{ type: "text", text: "Sign-in required." }],
            _meta: { "mcp/www_authenticate": [`Bearer resource_metadata="${RESOURCE_METADATA}"${error}, scope="${needs}"`] },
          });
        }
        return reply({ content: [{ type: "text", text: `${name}: ${grant.user}` }] });
      }
    }
    return json({ jsonrpc: "2.0", id: message.id, error: { code: -32601, message: "no such method" } });
  }
}
