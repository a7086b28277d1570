import { describe, expect, it } from "vitest";
import { bearerChallenge, parseChallenges, resultChallenge } from "../src/host/oauth/challenge";

const metadata = "http://127.0.0.1:5000/.well-known/oauth-protected-resource/mcp";

describe("parseChallenges", () => {
  it("reads a Bearer challenge's quoted and bare params, names in lower case", () => {
    expect(parseChallenges(`Bearer resource_metadata="${metadata}", Error=insufficient_scope, scope="board admin"`)).toEqual([
      { scheme: "Bearer", params: { resource_metadata: metadata, error: "insufficient_scope", scope: "board admin" } },
    ]);
  });

  it("splits several challenges in one value, with token68 and escaped quotes", () => {
    expect(parseChallenges(`Basic dXNlcjpwYXNz==, Bearer realm="a \\"b\\", c", error="invalid_token", Negotiate`)).toEqual([
      { scheme: "Basic", params: {}, token68: "dXNlcjpwYXNz==" },
      { scheme: "Bearer", params: { realm: 'a "b", c', error: "invalid_token" } },
      { scheme: "Negotiate", params: {} },
    ]);
  });

  it("reads an unquoted URL whole", () => {
    expect(parseChallenges(`Bearer resource_metadata=${metadata}`)[0]!.params.resource_metadata).toBe(metadata);
  });
});

describe("bearerChallenge", () => {
  it("takes the Bearer challenge among others, from a string or a list", () => {
    const value = `Basic realm="x", Bearer resource_metadata="${metadata}", error="insufficient_scope", scope="board", error_description="needs board"`;
    const expected = { resourceMetadataUrl: new URL(metadata), scope: "board", error: "insufficient_scope", errorDescription: "needs board" };
    expect(bearerChallenge(value)).toEqual(expected);
    expect(bearerChallenge(['Basic realm="x"', `bearer resource_metadata="${metadata}", error="insufficient_scope", scope="board", error_description="needs board"`])).toEqual(expected);
  });

  it("resolves a relative resource_metadata against the base and ignores a broken one", () => {
    expect(bearerChallenge('Bearer resource_metadata="/.well-known/oauth-protected-resource/mcp"', "http://127.0.0.1:5000/mcp")?.resourceMetadataUrl?.href).toBe(metadata);
    expect(bearerChallenge('Bearer resource_metadata="http://[bad", scope="board"')).toEqual({ scope: "board" });
  });

  it("is undefined without a Bearer challenge", () => {
    expect(bearerChallenge('Basic realm="x"')).toBeUndefined();
    expect(bearerChallenge(undefined)).toBeUndefined();
  });
});

describe("resultChallenge", () => {
  const challenge = `Bearer resource_metadata="${metadata}", error="insufficient_scope", scope="board"`;

  it("reads mcp/www_authenticate from an error result, as a string or a list", () => {
    for (const value of [challenge, [challenge]])
      expect(resultChallenge({ isError: true, content: [], _meta: { "mcp/www_authenticate": value } })).toEqual({
        resourceMetadataUrl: new URL(metadata),
        error: "insufficient_scope",
        scope: "board",
      });
  });

  it("ignores a result that is not an error, or has no challenge", () => {
    expect(resultChallenge({ content: [], _meta: { "mcp/www_authenticate": challenge } })).toBeUndefined();
    expect(resultChallenge({ isError: true, content: [] })).toBeUndefined();
    expect(resultChallenge({ isError: true, content: [], _meta: { "mcp/www_authenticate": 42 } })).toBeUndefined();
  });
});
