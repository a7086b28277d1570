/**
 * Who is signed in, for display only: read from the access token's JWT payload without checking its signature (the
 * resource server checks it; the dev host only shows what the token says).
 */

/** The JWT's payload claims, or undefined when the token is not a JWT with a JSON payload. */
export function jwtPayload(token: string): Record<string, unknown> | undefined {
  const parts = token.split(".");
  if (parts.length !== 3 || !parts[1]) return undefined;
  try {
    const base64 = parts[1].replace(/-/g, "+").replace(/_/g, "/");
    const binary = atob(base64 + "=".repeat((4 - (base64.length % 4)) % 4));
    const payload: unknown = JSON.parse(new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0))));
    return payload && typeof payload === "object" && !Array.isArray(payload) ? (payload as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** What the Sign-in area shows about the signed-in user. */
export interface SignedInUser {
  /** The `email` claim, else `sub`, else "(unknown user)" for an opaque token. */
  name: string;
  /** The granted scopes. */
  scopes: string[];
  /** When the access token expires (ms since the epoch), when known. */
  expiresAt?: number;
}

/**
 * Describes stored tokens: the user from the JWT's `email` or `sub`, the scopes from its `scope` (or `scp`) claim or
 * else the token response's `scope`, the expiry from its `exp` or else `expires_in` counted from when they arrived.
 */
export function describeTokens(tokens: { access_token: string; scope?: string; expires_in?: number }, obtainedAt?: number): SignedInUser {
  const claims = jwtPayload(tokens.access_token) ?? {};
  const name = [claims.email, claims.sub].find((v): v is string => typeof v === "string" && v.length > 0) ?? "(unknown user)";
  const claimed = typeof claims.scope === "string" ? claims.scope : Array.isArray(claims.scp) ? claims.scp.join(" ") : typeof claims.scp === "string" ? claims.scp : undefined;
  const scopes = (claimed ?? tokens.scope ?? "").split(/\s+/).filter(Boolean);
  const expiresAt =
    typeof claims.exp === "number"
      ? claims.exp * 1000
      : typeof tokens.expires_in === "number" && obtainedAt !== undefined
        ? obtainedAt + tokens.expires_in * 1000
        : undefined;
  return { name, scopes, ...(expiresAt !== undefined ? { expiresAt } : {}) };
}

/** "in 1:05", "in 42 s", "expired 3 s ago": how long until (or since) the expiry. */
export function timeLeft(expiresAt: number, now: number): string {
  const seconds = Math.round((expiresAt - now) / 1000);
  const span = (s: number) => (s >= 60 ? `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}` : `${s} s`);
  return seconds > 0 ? `in ${span(seconds)}` : seconds === 0 ? "now" : `${span(-seconds)} ago`;
}
