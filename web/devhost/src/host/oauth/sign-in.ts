import {
  auth,
  computeScopeUnion,
  InsufficientScopeError,
  isStrictScopeSuperset,
  IssuerMismatchError,
  OAuthClientFlowError,
  OAuthError,
  RegistrationRejectedError,
  SdkHttpError,
  StreamableHTTPClientTransport,
  UnauthorizedError,
  type FetchLike,
} from "@modelcontextprotocol/client";
import { OAUTH_CHANNEL, readOAuthCallback } from "../../shared/oauth-callback";
import type { Logger } from "../message-log";
import { bearerChallenge, describeChallenge, type SignInChallenge } from "./challenge";
import { DevHostOAuthProvider, type AuthorizationRequest } from "./provider";
import { describeTokens, type SignedInUser } from "./who";

/** Where the sign-in is: nothing going on, or a step of the popup flow. */
export type SignInPhase = "idle" | "starting" | "popup" | "blocked" | "closed" | "finishing" | "failed";

/** What the Sign-in area shows. */
export interface SignInSnapshot {
  /** Who is signed in, when someone is. */
  user?: SignedInUser;
  phase: SignInPhase;
  /** What failed, in the "failed" phase. */
  error?: string;
  /** Whether the server asked for sign-in (a 401, or a tool result's challenge). */
  required: boolean;
}

export interface SignInOptions {
  /** The MCP endpoint, absolute. */
  mcpUrl: string;
  /** The OAuth callback page, on the dev host's origin. */
  redirectUrl: string;
  log: Logger;
  fetch?: FetchLike;
  storage?: Storage;
  /** Opens the popup; window.open by default. */
  openWindow?: (url: string) => Window | null;
  /** A client ID metadata document URL, for authorization servers that take one instead of DCR (https only). */
  clientMetadataUrl?: string;
}

/** A network failure reaching the authorization server, named after the URL (a TypeError, as the SDK expects). */
export class AuthFetchError extends TypeError {}

interface Deferred {
  promise: Promise<void>;
  resolve(): void;
  reject(error: Error): void;
}

const POPUP_FEATURES = "popup,width=520,height=720";

/**
 * The dev host's sign-in, as ChatGPT does it for an MCP server that needs OAuth: the SDK's auth() runs discovery
 * (RFC 9728, RFC 8414 / OpenID Connect), registration (DCR, or CIMD when offered a metadata URL) and the PKCE
 * authorization request; this class shows that request in a popup, takes the callback page's answer (same origin,
 * expected state only), redeems the code through the transport's finishAuth, and lets the calls that needed sign-in
 * retry. Refresh is the SDK's: on a 401 auth() refreshes with the refresh token, and only when that fails does a
 * popup open again.
 */
export class SignIn {
  readonly provider: DevHostOAuthProvider;
  /** The fetch the MCP transport and auth() use: names network failures, shares one refresh, notes 401 challenges. */
  readonly fetch: FetchLike;
  private readonly mcpUrl: URL;
  private readonly origin: string;
  private readonly log: Logger;
  private readonly openWindow: (url: string) => Window | null;
  private readonly listeners = new Set<() => void>();
  private snapshot: SignInSnapshot;
  private phase: SignInPhase = "idle";
  private error?: string;
  private required = false;
  /** Where the server's protected resource metadata is, from its last challenge. */
  private resourceMetadataUrl?: URL;
  private flow?: Deferred;
  private last: Promise<void> = Promise.resolve();
  private waiting: Array<() => void> = [];
  /** The authorization requests of the sign-in in progress, by state; the popup shows the latest. */
  private readonly requests = new Map<string, AuthorizationRequest>();
  private latest?: AuthorizationRequest;
  private popup: Window | null = null;
  private watch?: ReturnType<typeof setInterval>;
  private readonly unreachable = new Map<string, string[]>();
  private readonly removeListeners: () => void;

  constructor(private readonly options: SignInOptions) {
    this.mcpUrl = new URL(options.mcpUrl);
    this.origin = new URL(options.redirectUrl).origin;
    this.log = options.log;
    this.openWindow = options.openWindow ?? ((url) => window.open(url, "inlay-sign-in", POPUP_FEATURES));
    this.fetch = this.wrapFetch(options.fetch ?? ((url, init) => fetch(url, init)));
    this.provider = new DevHostOAuthProvider(this.mcpUrl.href, {
      redirectUrl: options.redirectUrl,
      storage: options.storage,
      clientMetadataUrl: options.clientMetadataUrl,
      onAuthorization: (request) => this.showAuthorization(request),
      onChange: () => this.update(),
      onTokens: (from) => this.logTokens(from),
    });
    this.snapshot = this.compute();

    const onMessage = (event: MessageEvent) => this.onCallback(event.data, event.origin);
    addEventListener("message", onMessage);
    const channel = typeof BroadcastChannel === "function" ? new BroadcastChannel(OAUTH_CHANNEL) : undefined;
    channel?.addEventListener("message", onMessage);
    this.removeListeners = () => {
      removeEventListener("message", onMessage);
      channel?.close();
    };
  }

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };

  getSnapshot = () => this.snapshot;

  /**
   * What a call that the SDK answered with UnauthorizedError waits for before it retries: the sign-in that the SDK
   * just started. Rejects when that sign-in fails or is cancelled.
   */
  settled(): Promise<void> {
    return this.last;
  }

  /** Resolves at the next successful sign-in, whatever started it. */
  nextSignIn(): Promise<void> {
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  /** Whether an error is the sign-in's (the SDK's OAuth errors, a 401 after sign-in, the authorization server out of reach). */
  isSignInFailure(error: unknown): boolean {
    return (
      UnauthorizedError.isInstance(error) ||
      error instanceof OAuthError ||
      OAuthClientFlowError.isInstance(error) ||
      InsufficientScopeError.isInstance(error) ||
      error instanceof AuthFetchError ||
      (error instanceof SdkHttpError && (error.status === 401 || error.status === 403))
    );
  }

  /**
   * Starts sign-in from a click ("Sign in", "Switch user"): the popup opens now, while the click allows it, and
   * shows the authorization server once auth() has the URL. Never throws; the Sign-in area shows what failed.
   */
  async start(options?: { switchUser?: boolean }): Promise<void> {
    // Signing out drops everything at once; only the revocation it then sends is awaited, after the popup opened.
    const revocation = options?.switchUser ? this.signOut() : undefined;
    if (options?.switchUser) this.provider.promptForLogin();
    if (!this.popup || this.popup.closed) this.popup = this.openWindow(this.options.redirectUrl);
    this.setPhase("starting");
    try {
      await revocation;
      // No scope: the SDK asks for what the protected resource metadata lists (plus offline_access); a tool that
      // needs more asks for it in its own challenge.
      const result = await auth(this.provider, { serverUrl: this.mcpUrl, resourceMetadataUrl: this.resourceMetadataUrl, fetchFn: this.fetch });
      if (result === "AUTHORIZED") {
        this.closePopup();
        this.succeeded();
        return;
      }
      await this.last;
    } catch (e) {
      if (this.flow || this.phase === "starting") this.fail(e);
    }
  }

  /**
   * The sign-in a tool result asked for with `_meta["mcp/www_authenticate"]`: refresh, or a new authorization when
   * the challenge asks for scope the token lacks (the union of both, so nothing granted is lost). Resolves when the
   * call may be retried; rejects with what failed.
   */
  async authorize(challenge: SignInChallenge): Promise<void> {
    this.noteChallenge(challenge, "a tool result");
    const tokens = this.provider.tokens();
    const scope = computeScopeUnion(tokens?.scope, challenge.scope);
    const force = challenge.error === "insufficient_scope" && isStrictScopeSuperset(scope, tokens?.scope);
    try {
      const result = await auth(this.provider, {
        serverUrl: this.mcpUrl,
        resourceMetadataUrl: challenge.resourceMetadataUrl,
        scope,
        forceReauthorization: force,
        fetchFn: this.fetch,
      });
      if (result === "AUTHORIZED") {
        this.succeeded();
        return;
      }
    } catch (e) {
      throw new Error(this.fail(e));
    }
    await this.last;
  }

  /** "Continue sign-in": opens the popup again from a click, after the browser blocked it or it was closed. */
  continueInPopup(): void {
    if (!this.latest) return;
    this.popup = this.openWindow(this.latest.url.href);
    this.setPhase(this.popup ? "popup" : "blocked");
    if (this.popup) this.watchPopup();
  }

  /** Gives up the sign-in in progress; the calls waiting for it fail. */
  cancel(reason = "Sign-in was cancelled."): void {
    if (!this.flow && this.phase === "idle") return;
    this.closePopup();
    this.forgetRequests();
    const flow = this.flow;
    this.flow = undefined;
    flow?.reject(new Error(reason));
    this.error = undefined;
    this.setPhase("idle");
  }

  /**
   * Drops the tokens, the client registration and the discovered metadata from the page, then revokes the refresh
   * token (else the access token) at the authorization server's revocation_endpoint when it has one.
   */
  async signOut(): Promise<void> {
    const { tokens, clientInformation, discoveryState } = this.provider.stored();
    this.cancel("Signed out.");
    this.provider.signOut();
    this.error = undefined;
    this.setPhase("idle");
    // RFC 8414 metadata names it; the SDK's OpenID Connect metadata type does not, though servers publish it there too.
    const metadata = discoveryState?.authorizationServerMetadata as { revocation_endpoint?: unknown } | undefined;
    const endpoint = typeof metadata?.revocation_endpoint === "string" ? metadata.revocation_endpoint : undefined;
    const [token, hint] = tokens?.refresh_token ? [tokens.refresh_token, "refresh_token"] : [tokens?.access_token, "access_token"];
    if (!endpoint || !token || !clientInformation) {
      this.log({ channel: "auth", direction: "out", label: "signed out", message: { revoked: false } });
      return;
    }
    try {
      const response = await this.fetch(endpoint, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ token, token_type_hint: hint, client_id: clientInformation.client_id }),
      });
      this.log({
        channel: "auth",
        direction: "out",
        label: response.ok ? `signed out (revoked the ${hint.replace("_", " ")})` : `signed out (revocation answered ${response.status})`,
        message: { revocationEndpoint: endpoint, revoked: response.ok },
      });
    } catch (e) {
      this.log({ channel: "auth", direction: "out", label: `signed out (could not revoke: ${(e as Error).message})`, message: { revocationEndpoint: endpoint } });
    }
  }

  /** "Switch user": sign out, then sign in with prompt=login so the authorization server asks who is signing in. */
  switchUser(): Promise<void> {
    return this.start({ switchUser: true });
  }

  /** Shows what failed in the Sign-in area and fails the sign-in in progress; returns the message. */
  fail(error: unknown): string {
    const message = describeSignInError(error);
    this.closePopup();
    this.forgetRequests();
    this.error = message;
    const flow = this.flow;
    this.flow = undefined;
    flow?.reject(new Error(message));
    this.setPhase("failed");
    this.log({ channel: "auth", direction: "in", label: `sign-in failed: ${message}`, message: { error: message } });
    return message;
  }

  /** Notes that the server asked for sign-in, and what it asked for. */
  noteChallenge(challenge: SignInChallenge, from: string): void {
    this.required = true;
    if (challenge.resourceMetadataUrl) this.resourceMetadataUrl = challenge.resourceMetadataUrl;
    this.log({ channel: "auth", direction: "in", label: `sign-in asked by ${from}: ${describeChallenge(challenge)}`, message: challenge });
    this.update();
  }

  dispose(): void {
    this.removeListeners();
    this.stopWatching();
  }

  /**
   * The provider's redirectToAuthorization: shows the request in the popup. One sign-in at a time: when several calls
   * need it at once, the popup moves on to the latest request, and the answer to any of them completes the sign-in
   * (the person may have answered the page of an earlier one).
   */
  private showAuthorization(request: AuthorizationRequest): void {
    this.requests.set(request.state, request);
    this.latest = request;
    if (!this.flow) {
      let resolve!: () => void;
      let reject!: (error: Error) => void;
      const promise = new Promise<void>((res, rej) => {
        resolve = res;
        reject = rej;
      });
      promise.catch(() => {});
      this.flow = { promise, resolve, reject };
      this.last = promise;
    }
    if (this.popup && !this.popup.closed) {
      try {
        this.popup.location.href = request.url.href;
      } catch {
        this.popup = null;
      }
    }
    if (!this.popup || this.popup.closed) this.popup = this.openWindow(request.url.href);
    this.log({
      channel: "auth",
      direction: "out",
      label: this.popup ? `authorization request in the popup (${request.url.origin}${request.url.pathname})` : "the browser blocked the sign-in popup",
      message: { authorizationEndpoint: request.url.origin + request.url.pathname, scope: request.url.searchParams.get("scope"), resource: request.url.searchParams.get("resource") },
    });
    this.error = undefined;
    this.setPhase(this.popup ? "popup" : "blocked");
    if (this.popup) this.watchPopup();
  }

  private onCallback(data: unknown, origin: string): void {
    for (const request of this.requests.values()) {
      const params = readOAuthCallback(data, origin, { origin: this.origin, state: request.state });
      if (!params) continue;
      this.forgetRequests();
      this.closePopup();
      void this.finish(params, request);
      return;
    }
  }

  private forgetRequests(): void {
    this.requests.clear();
    this.latest = undefined;
  }

  private async finish(params: URLSearchParams, request: AuthorizationRequest): Promise<void> {
    this.setPhase("finishing");
    this.provider.redeemWith(request.verifier);
    try {
      // finishAuth checks the iss parameter (RFC 9207) and surfaces an error answer; it needs no connection.
      await new StreamableHTTPClientTransport(this.mcpUrl, { authProvider: this.provider, fetch: this.fetch }).finishAuth(params);
      this.succeeded();
    } catch (e) {
      this.fail(e);
    }
  }

  private succeeded(): void {
    const flow = this.flow;
    this.flow = undefined;
    this.error = undefined;
    this.setPhase("idle");
    flow?.resolve();
    const waiting = this.waiting;
    this.waiting = [];
    for (const resolve of waiting) resolve();
  }

  private watchPopup(): void {
    this.stopWatching();
    this.watch = setInterval(() => {
      if (!this.popup || this.popup.closed) {
        this.stopWatching();
        // Still listening: a popup that cut its opener link (COOP) can still answer on the BroadcastChannel.
        if (this.phase === "popup") this.setPhase("closed");
      }
    }, 500);
  }

  private stopWatching(): void {
    if (this.watch !== undefined) clearInterval(this.watch);
    this.watch = undefined;
  }

  private closePopup(): void {
    this.stopWatching();
    try {
      this.popup?.close();
    } catch {
      // Already gone.
    }
    this.popup = null;
  }

  private setPhase(phase: SignInPhase): void {
    this.phase = phase;
    this.update();
  }

  private update(): void {
    const next = this.compute();
    const current = this.snapshot;
    if (
      current &&
      next.phase === current.phase &&
      next.error === current.error &&
      next.required === current.required &&
      JSON.stringify(next.user) === JSON.stringify(current.user)
    )
      return;
    this.snapshot = next;
    for (const listener of this.listeners) listener();
  }

  private compute(): SignInSnapshot {
    const { tokens, obtainedAt } = this.provider.stored();
    return {
      ...(tokens?.access_token ? { user: describeTokens(tokens, obtainedAt) } : {}),
      phase: this.phase,
      ...(this.error ? { error: this.error } : {}),
      required: this.required || tokens !== undefined,
    };
  }

  /** One log line per new access token: who, which scopes, until when; never the token. */
  private logTokens(from: "code" | "refresh"): void {
    const user = this.snapshot.user;
    if (!user) return;
    const expires = user.expiresAt ? `, expires ${new Date(user.expiresAt).toLocaleTimeString()}` : "";
    const label =
      from === "refresh"
        ? `refreshed the access token for ${user.name}${expires}`
        : `signed in as ${user.name} (scopes ${user.scopes.join(" ") || "none"})${expires}`;
    this.log({ channel: "auth", direction: "in", label, message: { user: user.name, scopes: user.scopes, expiresAt: user.expiresAt && new Date(user.expiresAt).toISOString() } });
  }

  private wrapFetch(base: FetchLike): FetchLike {
    // Refresh tokens rotate: two calls refreshing at once with the same one would leave the second refused
    // (invalid_grant) and the person sent to the popup again, so a second refresh with it shares the first's answer.
    const refreshes = new Map<string, Promise<Response>>();
    return async (url, init) => {
      const href = String(url);
      const body = init?.body;
      const refreshToken = body instanceof URLSearchParams && body.get("grant_type") === "refresh_token" ? body.get("refresh_token") : null;
      if (refreshToken) {
        let shared = refreshes.get(refreshToken);
        if (!shared) {
          shared = this.send(base, href, url, init);
          refreshes.set(refreshToken, shared);
          setTimeout(() => refreshes.delete(refreshToken), 30_000);
        }
        return (await shared).clone();
      }
      const response = await this.send(base, href, url, init);
      if (response.status === 401 && sameEndpoint(href, this.mcpUrl)) {
        const challenge = bearerChallenge(response.headers.get("www-authenticate") ?? undefined, href);
        this.noteChallenge(challenge ?? {}, `${new URL(href).pathname} (401)`);
      }
      return response;
    };
  }

  private async send(base: FetchLike, href: string, url: string | URL, init?: RequestInit): Promise<Response> {
    try {
      const response = await base(url, init);
      this.unreachable.delete(new URL(href).origin);
      return response;
    } catch (e) {
      if (!(e instanceof TypeError) || sameEndpoint(href, this.mcpUrl)) throw e;
      // Discovery gives up quietly on metadata it cannot fetch and falls back to default paths, so the failure the
      // person sees lists every path of that server that could not be reached.
      const { origin, pathname } = new URL(href);
      const paths = [...(this.unreachable.get(origin) ?? []).filter((p) => p !== pathname), pathname];
      this.unreachable.set(origin, paths);
      throw new AuthFetchError(
        `Could not reach ${origin}${paths.join(", ")}: ${e.message} (a page's requests to another origin need CORS on that server)`,
        { cause: e },
      );
    }
  }
}

function sameEndpoint(href: string, mcpUrl: URL): boolean {
  const url = new URL(href);
  return url.origin === mcpUrl.origin && url.pathname === mcpUrl.pathname;
}

/** What failed, in words that name the step: registration, the authorization server's answer, the code, reaching a server. */
export function describeSignInError(error: unknown): string {
  if (RegistrationRejectedError.isInstance(error)) {
    let reason = error.body;
    try {
      const body = JSON.parse(error.body) as { error?: string; error_description?: string };
      reason = [body.error, body.error_description].filter(Boolean).join(": ") || error.body;
    } catch {
      // Not JSON: the raw body.
    }
    return `The authorization server refused the registration: ${error.status}${reason ? ` ${reason}` : ""}`;
  }
  if (IssuerMismatchError.isInstance(error))
    return error.kind === "metadata"
      ? `The authorization server's metadata names the issuer ${error.received ?? "(none)"}, not ${error.expected ?? "the one discovered"} (they must match exactly, RFC 8414 §3.3).`
      : "The authorization response came from another issuer than the one the dev host asked (iss mismatch).";
  if (error instanceof OAuthError) return `The authorization server refused: ${error.code}${error.message && error.message !== error.code ? ` (${error.message})` : ""}`;
  if (error instanceof SdkHttpError && error.status === 401) return `The server still answers 401 after sign-in: ${error.message}`;
  if (error instanceof Error && /does not support dynamic client registration/.test(error.message))
    return "The authorization server has no registration endpoint (DCR), and the dev host has no client metadata URL to offer instead.";
  return error instanceof Error ? error.message : String(error);
}
