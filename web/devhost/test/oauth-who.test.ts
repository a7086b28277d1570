import { describe, expect, it } from "vitest";
import { describeTokens, jwtPayload, timeLeft } from "../src/host/oauth/who";
import { jwt } from "./fake-oauth";

describe("jwtPayload", () => {
  it("decodes a base64url payload, UTF-8 included", () => {
    expect(jwtPayload(jwt({ sub: "42", email: "zoë@example.com", n: "?>?>" }))).toEqual({ sub: "42", email: "zoë@example.com", n: "?>?>" });
  });

  it("is undefined for an opaque token or a payload that is not a JSON object", () => {
    expect(jwtPayload("opaque-token")).toBeUndefined();
    expect(jwtPayload("a.bm90IGpzb24.c")).toBeUndefined();
    expect(jwtPayload(`a.${btoa("[1,2]")}.c`)).toBeUndefined();
  });
});

describe("describeTokens", () => {
  it("shows the email, the token's scope claim and its exp", () => {
    const token = jwt({ sub: "u1", email: "alice@example.com", scope: "board offline_access", exp: 1_700_000_000 });
    expect(describeTokens({ access_token: token, scope: "ignored" })).toEqual({
      name: "alice@example.com",
      scopes: ["board", "offline_access"],
      expiresAt: 1_700_000_000_000,
    });
  });

  it("falls back to sub, an scp list, and expires_in from when the tokens arrived", () => {
    expect(describeTokens({ access_token: jwt({ sub: "u2", scp: ["board"] }), expires_in: 60 }, 1000)).toEqual({
      name: "u2",
      scopes: ["board"],
      expiresAt: 61_000,
    });
  });

  it("shows an opaque token's response scope and no user", () => {
    expect(describeTokens({ access_token: "opaque", scope: "board" })).toEqual({ name: "(unknown user)", scopes: ["board"] });
  });
});

describe("timeLeft", () => {
  it("counts down in seconds, then minutes, then how long ago", () => {
    expect(timeLeft(42_400, 0)).toBe("in 42 s");
    expect(timeLeft(65_000, 0)).toBe("in 1:05");
    expect(timeLeft(0, 3000)).toBe("3 s ago");
  });
});
