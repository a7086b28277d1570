import { beforeEach, describe, expect, it } from "vitest";
import { DevHostOAuthProvider, s256, storageKey, type AuthorizationRequest } from "../src/host/oauth/provider";

const board = "http://127.0.0.1:5000/mcp";
const other = "http://127.0.0.1:6000/mcp";
const redirectUrl = "http://127.0.0.1:5000/_inlay/oauth-callback.html";
const tokens = { access_token: "at-1", token_type: "Bearer", refresh_token: "rt-1", issuer: "http://127.0.0.1:5100/" };
const client = { client_id: "client-1", issuer: "http://127.0.0.1:5100/" };

function provider(mcpUrl: string, requests: AuthorizationRequest[] = []) {
  return new DevHostOAuthProvider(mcpUrl, { redirectUrl, storage: sessionStorage, onAuthorization: (r) => requests.push(r) });
}

describe("DevHostOAuthProvider", () => {
  beforeEach(() => {
    sessionStorage.clear();
    localStorage.clear();
  });

  it("registers as a public client of the dev host with its callback page", () => {
    expect(provider(board).clientMetadata).toEqual({
      client_name: "Inlay dev host",
      redirect_uris: [redirectUrl],
      token_endpoint_auth_method: "none",
      grant_types: ["authorization_code", "refresh_token"],
      response_types: ["code"],
    });
    expect(provider(board).clientMetadataUrl).toBeUndefined();
  });

  it("keeps each MCP URL's sign-in apart, in sessionStorage only", () => {
    const a = provider(board);
    a.saveClientInformation(client);
    a.saveTokens(tokens);
    expect(provider(board).tokens()).toEqual(tokens);
    expect(provider(board).clientInformation()).toEqual(client);
    expect(provider(other).tokens()).toBeUndefined();
    expect(provider(other).clientInformation()).toBeUndefined();
    expect(JSON.parse(sessionStorage.getItem(storageKey(board))!).tokens.refresh_token).toBe("rt-1");
    expect(localStorage.length).toBe(0);
  });

  it("signs out of one MCP URL: tokens, registration and discovery gone, the other URL kept", () => {
    const a = provider(board);
    const b = provider(other);
    for (const p of [a, b]) {
      p.saveClientInformation(client);
      p.saveTokens(tokens);
      p.saveDiscoveryState({ authorizationServerUrl: "http://127.0.0.1:5100/" });
    }
    a.signOut();
    expect(a.tokens()).toBeUndefined();
    expect(a.clientInformation()).toBeUndefined();
    expect(a.discoveryState()).toBeUndefined();
    expect(sessionStorage.getItem(storageKey(board))).toBeNull();
    expect(b.tokens()).toEqual(tokens);
  });

  it("drops only what the SDK invalidates", () => {
    const a = provider(board);
    a.saveClientInformation(client);
    a.saveTokens(tokens);
    a.invalidateCredentials("tokens");
    expect(a.tokens()).toBeUndefined();
    expect(a.clientInformation()).toEqual(client);
    a.invalidateCredentials("client");
    expect(a.clientInformation()).toBeUndefined();
  });

  it("pairs each authorization URL with the verifier of its code_challenge, and adds prompt=login when asked", async () => {
    const requests: AuthorizationRequest[] = [];
    const a = provider(board, requests);
    a.saveCodeVerifier("verifier-one-".padEnd(50, "1"));
    a.saveCodeVerifier("verifier-two-".padEnd(50, "2"));
    const url = async (verifier: string, state: string) =>
      new URL(`http://127.0.0.1:5100/connect/authorize?state=${state}&prompt=consent&code_challenge=${await s256(verifier)}`);
    await a.redirectToAuthorization(await url("verifier-one-".padEnd(50, "1"), "s1"));
    a.promptForLogin();
    await a.redirectToAuthorization(await url("verifier-two-".padEnd(50, "2"), "s2"));

    expect(requests.map((r) => [r.state, r.verifier.slice(0, 12), r.url.searchParams.get("prompt")])).toEqual([
      ["s1", "verifier-one", "consent"],
      ["s2", "verifier-two", "login consent"],
    ]);
    await expect(a.redirectToAuthorization(await url("never-saved", "s3"))).rejects.toThrow(/code_challenge/);
    expect(() => a.codeVerifier()).toThrow();
    a.redeemWith(requests[1]!.verifier);
    expect(a.codeVerifier()).toBe(requests[1]!.verifier);
  });
});
