import { afterEach, describe, expect, it } from "vitest";
import { OAUTH_CALLBACK, OAUTH_CHANNEL, postOAuthCallback, readOAuthCallback } from "../src/shared/oauth-callback";

const origin = "http://127.0.0.1:5000";
const expected = { origin, state: "s-123" };
const message = (search: string) => ({ [OAUTH_CALLBACK]: { search } });

describe("readOAuthCallback", () => {
  it("accepts the callback from its own origin with the expected state", () => {
    const params = readOAuthCallback(message("?code=c1&state=s-123&iss=http%3A%2F%2F127.0.0.1%3A5100%2F"), origin, expected);
    expect(params?.get("code")).toBe("c1");
    expect(params?.get("iss")).toBe("http://127.0.0.1:5100/");
  });

  it("accepts an error answer with the expected state", () => {
    expect(readOAuthCallback(message("?error=access_denied&state=s-123"), origin, expected)?.get("error")).toBe("access_denied");
  });

  it("refuses another origin, another state, no state, and other messages", () => {
    expect(readOAuthCallback(message("?code=c1&state=s-123"), "http://127.0.0.1:5001", expected)).toBeUndefined();
    expect(readOAuthCallback(message("?code=c1&state=s-999"), origin, expected)).toBeUndefined();
    expect(readOAuthCallback(message("?code=c1"), origin, expected)).toBeUndefined();
    expect(readOAuthCallback(message("?code=c1&state="), origin, { origin, state: "" })).toBeUndefined();
    expect(readOAuthCallback({ other: { search: "?code=c1&state=s-123" } }, origin, expected)).toBeUndefined();
    expect(readOAuthCallback({ [OAUTH_CALLBACK]: { search: 42 } }, origin, expected)).toBeUndefined();
    expect(readOAuthCallback("?code=c1&state=s-123", origin, expected)).toBeUndefined();
  });
});

describe("postOAuthCallback", () => {
  const channels: BroadcastChannel[] = [];
  afterEach(() => channels.splice(0).forEach((c) => c.close()));

  it("posts the query to the opener on its own origin and on the channel", async () => {
    const posted: [unknown, string][] = [];
    const win = {
      location: { search: "?code=c1&state=s-123", origin },
      opener: { postMessage: (data: unknown, target: string) => posted.push([data, target]) },
    } as unknown as Window;
    const listener = new BroadcastChannel(OAUTH_CHANNEL);
    channels.push(listener);
    const heard = new Promise<unknown>((resolve) => (listener.onmessage = (e) => resolve(e.data)));

    expect(postOAuthCallback(win)).toBe(true);
    expect(posted).toEqual([[message("?code=c1&state=s-123"), origin]]);
    expect(await heard).toEqual(message("?code=c1&state=s-123"));
  });

  it("posts nothing when opened without an answer (the placeholder)", () => {
    const posted: unknown[] = [];
    const win = { location: { search: "", origin }, opener: { postMessage: (d: unknown) => posted.push(d) } } as unknown as Window;
    expect(postOAuthCallback(win)).toBe(false);
    expect(posted).toEqual([]);
  });
});
