/**
 * How the OAuth callback page (oauth-callback.html, in the sign-in popup) hands the authorization response back to
 * the dev host page that opened it: a postMessage to the opener on its own origin, and the same message on a
 * BroadcastChannel, which still arrives when the authorization server's pages cut the opener link
 * (Cross-Origin-Opener-Policy). The host takes the first message it can verify and ignores the rest.
 */

/** The envelope key of the callback message. */
export const OAUTH_CALLBACK = "inlay:oauth-callback";

/** The BroadcastChannel the callback page also posts on. */
export const OAUTH_CHANNEL = "inlay-devhost:oauth";

export interface OAuthCallbackMessage {
  /** The callback URL's query string: code, state and iss, or error and error_description. */
  search: string;
}

/** The callback page: posts its query to the opener (same origin only) and on the channel. Returns whether it posted. */
export function postOAuthCallback(win: Window): boolean {
  const params = new URLSearchParams(win.location.search);
  if (!params.has("state") && !params.has("code") && !params.has("error")) return false;
  const message = { [OAUTH_CALLBACK]: { search: win.location.search } satisfies OAuthCallbackMessage };
  try {
    win.opener?.postMessage(message, win.location.origin);
  } catch {
    // The opener is gone or elsewhere: the channel still carries the message.
  }
  if (typeof BroadcastChannel === "function") {
    const channel = new BroadcastChannel(OAUTH_CHANNEL);
    channel.postMessage(message);
    channel.close();
  }
  return true;
}

/**
 * The host page: the authorization response in a message, only when it came from this page's own origin and carries
 * the state of the sign-in in progress; undefined for anything else.
 */
export function readOAuthCallback(data: unknown, origin: string, expected: { origin: string; state: string }): URLSearchParams | undefined {
  if (origin !== expected.origin || !expected.state) return undefined;
  if (typeof data !== "object" || data === null || !(OAUTH_CALLBACK in data)) return undefined;
  const message = (data as Record<string, unknown>)[OAUTH_CALLBACK] as Partial<OAuthCallbackMessage> | undefined;
  if (typeof message?.search !== "string") return undefined;
  const params = new URLSearchParams(message.search);
  return params.get("state") === expected.state ? params : undefined;
}
