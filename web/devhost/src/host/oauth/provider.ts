import type {
  OAuthClientMetadata,
  OAuthClientProvider,
  OAuthDiscoveryState,
  StoredOAuthClientInformation,
  StoredOAuthTokens,
} from "@modelcontextprotocol/client";
import { withLoginPrompt } from "./prompt";

/** What the dev host keeps of a sign-in, per MCP URL, in the tab's sessionStorage (never localStorage). */
export interface StoredSignIn {
  clientInformation?: StoredOAuthClientInformation;
  tokens?: StoredOAuthTokens;
  /** When the tokens arrived (ms since the epoch), to count `expires_in` from. */
  obtainedAt?: number;
  discoveryState?: OAuthDiscoveryState;
}

/** An authorization request ready for the popup: its URL, its state, and the PKCE verifier its challenge came from. */
export interface AuthorizationRequest {
  url: URL;
  state: string;
  verifier: string;
}

export interface DevHostOAuthProviderOptions {
  /** The callback page, on the dev host's own origin. */
  redirectUrl: string;
  /** Where to keep the sign-in; sessionStorage by default. */
  storage?: Storage;
  /**
   * A client ID metadata document (CIMD) URL: when set and the authorization server advertises
   * `client_id_metadata_document_supported`, the SDK uses it as the client_id instead of registering. It must be
   * https, so the dev host (plain http on loopback) leaves it unset and registers (DCR).
   */
  clientMetadataUrl?: string;
  /** Opens the sign-in popup for a request (the SDK's redirectToAuthorization). */
  onAuthorization(request: AuthorizationRequest): void;
  /** Called after every change to what is stored. */
  onChange?(): void;
  /** Called when tokens arrive: for a redeemed authorization code, or from a refresh. */
  onTokens?(from: "code" | "refresh"): void;
}

/** The sessionStorage key of one MCP server's sign-in. */
export function storageKey(mcpUrl: string): string {
  return `inlay-devhost:oauth:${mcpUrl}`;
}

/**
 * The dev host's OAuth client for one MCP server, as the SDK's auth() drives it: a public client (no secret,
 * token_endpoint_auth_method none) with a redirect URI on the dev host's origin, registered by DCR, tokens and
 * registration kept per MCP URL in sessionStorage so a reload keeps the sign-in.
 *
 * PKCE verifiers stay in memory. Each is paired with the authorization URL its challenge went into, so when two calls
 * need sign-in at once the code is redeemed with the verifier of the request the popup actually showed.
 */
export class DevHostOAuthProvider implements OAuthClientProvider {
  readonly clientMetadataUrl?: string;
  private unpaired: string[] = [];
  private redeeming?: string;
  private loginPrompt = false;
  private readonly storage: Storage;

  constructor(
    readonly mcpUrl: string,
    private readonly options: DevHostOAuthProviderOptions,
  ) {
    this.storage = options.storage ?? sessionStorage;
    if (options.clientMetadataUrl) this.clientMetadataUrl = options.clientMetadataUrl;
  }

  get redirectUrl(): string {
    return this.options.redirectUrl;
  }

  get clientMetadata(): OAuthClientMetadata {
    return {
      client_name: "Inlay dev host",
      redirect_uris: [this.options.redirectUrl],
      token_endpoint_auth_method: "none",
      grant_types: ["authorization_code", "refresh_token"],
      response_types: ["code"],
    };
  }

  state(): string {
    return randomString(32);
  }

  clientInformation(): StoredOAuthClientInformation | undefined {
    return this.read().clientInformation;
  }

  saveClientInformation(clientInformation: StoredOAuthClientInformation): void {
    this.write({ clientInformation });
  }

  tokens(): StoredOAuthTokens | undefined {
    return this.read().tokens;
  }

  saveTokens(tokens: StoredOAuthTokens): void {
    const from = this.redeeming ? "code" : "refresh";
    if (this.redeeming) {
      // A code was redeemed: the sign-in this verifier and the login prompt were for is done.
      this.redeeming = undefined;
      this.loginPrompt = false;
    }
    this.write({ tokens, obtainedAt: Date.now() });
    this.options.onTokens?.(from);
  }

  discoveryState(): OAuthDiscoveryState | undefined {
    return this.read().discoveryState;
  }

  saveDiscoveryState(discoveryState: OAuthDiscoveryState): void {
    this.write({ discoveryState });
  }

  saveCodeVerifier(codeVerifier: string): void {
    this.unpaired = [...this.unpaired.slice(-4), codeVerifier];
  }

  codeVerifier(): string {
    if (!this.redeeming) throw new Error("No authorization code is being redeemed.");
    return this.redeeming;
  }

  async redirectToAuthorization(authorizationUrl: URL): Promise<void> {
    const challenge = authorizationUrl.searchParams.get("code_challenge");
    let verifier: string | undefined;
    for (const v of this.unpaired) if ((await s256(v)) === challenge) verifier = v;
    if (!verifier) throw new Error("The authorization URL's code_challenge matches no code verifier the dev host made.");
    this.unpaired = this.unpaired.filter((v) => v !== verifier);
    const url = this.loginPrompt ? withLoginPrompt(authorizationUrl) : authorizationUrl;
    this.options.onAuthorization({ url, state: url.searchParams.get("state") ?? "", verifier });
  }

  invalidateCredentials(scope: "all" | "client" | "tokens" | "verifier" | "discovery"): void {
    switch (scope) {
      case "all":
        this.signOut();
        break;
      case "client":
        this.write({ clientInformation: undefined });
        break;
      case "tokens":
        this.write({ tokens: undefined, obtainedAt: undefined });
        break;
      case "verifier":
        this.unpaired = [];
        this.redeeming = undefined;
        break;
      case "discovery":
        this.write({ discoveryState: undefined });
        break;
    }
  }

  /** Before the SDK redeems the code of this request: the verifier its challenge came from. */
  redeemWith(verifier: string): void {
    this.redeeming = verifier;
  }

  /** Asks the authorization server to show its sign-in page on the next authorization ("Switch user"). */
  promptForLogin(): void {
    this.loginPrompt = true;
  }

  /** Everything stored for this MCP server. */
  stored(): StoredSignIn {
    return this.read();
  }

  /** Forgets the tokens, the client registration and the discovered metadata of this MCP server. */
  signOut(): void {
    this.storage.removeItem(storageKey(this.mcpUrl));
    this.unpaired = [];
    this.redeeming = undefined;
    this.options.onChange?.();
  }

  private read(): StoredSignIn {
    try {
      return (JSON.parse(this.storage.getItem(storageKey(this.mcpUrl)) ?? "{}") as StoredSignIn) ?? {};
    } catch {
      return {};
    }
  }

  private write(change: Partial<StoredSignIn>): void {
    const next: Record<string, unknown> = { ...this.read(), ...change };
    for (const key of Object.keys(next)) if (next[key] === undefined) delete next[key];
    if (Object.keys(next).length === 0) this.storage.removeItem(storageKey(this.mcpUrl));
    else this.storage.setItem(storageKey(this.mcpUrl), JSON.stringify(next));
    this.options.onChange?.();
  }
}

function base64Url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");
}

function randomString(bytes: number): string {
  return base64Url(crypto.getRandomValues(new Uint8Array(bytes)));
}

/** The PKCE S256 challenge of a verifier (RFC 7636 §4.2). */
export async function s256(verifier: string): Promise<string> {
  return base64Url(new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(verifier))));
}
