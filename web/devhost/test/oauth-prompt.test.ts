import { describe, expect, it } from "vitest";
import { withLoginPrompt } from "../src/host/oauth/prompt";

describe("withLoginPrompt", () => {
  it("adds prompt=login and keeps everything else", () => {
    const url = withLoginPrompt(new URL("http://127.0.0.1:5100/connect/authorize?client_id=c&state=s&scope=board"));
    expect(url.searchParams.get("prompt")).toBe("login");
    expect(url.searchParams.get("client_id")).toBe("c");
    expect(url.searchParams.get("state")).toBe("s");
  });

  it("merges with the consent prompt the SDK adds for offline_access, into one parameter", () => {
    const before = new URL("http://127.0.0.1:5100/connect/authorize?scope=board+offline_access&prompt=consent");
    const url = withLoginPrompt(before);
    expect(url.searchParams.getAll("prompt")).toEqual(["login consent"]);
    expect(before.searchParams.get("prompt")).toBe("consent");
  });

  it("drops none, which cannot go with login, and does not repeat login", () => {
    expect(withLoginPrompt(new URL("http://as/authorize?prompt=none")).searchParams.getAll("prompt")).toEqual(["login"]);
    expect(withLoginPrompt(new URL("http://as/authorize?prompt=login+consent")).searchParams.getAll("prompt")).toEqual(["login consent"]);
  });
});
