import { describe, expect, it } from "vitest";
import { checkDomain, claudeDomain } from "../src/host/hosts/domain";

const claude = { name: "Claude", domainRule: "claudeEndpointHash" as const };
const chatgpt = { name: "ChatGPT", domainRule: "appOrigin" as const };
const endpoint = "http://127.0.0.1:5000/mcp";
const meta = (domain: unknown) => ({ ui: { domain } });

describe("claudeDomain", () => {
  it("gives Claude's documented example", async () => {
    expect(await claudeDomain("https://example.com/mcp")).toBe("c3d80a4ed901ee05b21755a88273b4a4.claudemcpcontent.com");
  });
  it("hashes the URL exactly as given (hashes computed with Python's hashlib)", async () => {
    expect(await claudeDomain(endpoint)).toBe("0e9c8c41ae82157d5e031c73db47bd03.claudemcpcontent.com");
    expect(await claudeDomain(endpoint + "/")).toBe("c430c500af02cde05d228421b8c32d86.claudemcpcontent.com");
    expect(await claudeDomain("https://EXAMPLE.com/mcp?x=1")).toBe("216cd6ffc7cf7f713fabad945d09a03b.claudemcpcontent.com");
  });
});

describe("checkDomain", () => {
  it("accepts no declared domain in every host", async () => {
    expect(await checkDomain(claude, undefined, endpoint)).toEqual({ ok: true });
    expect(await checkDomain(claude, { ui: {} }, endpoint)).toEqual({ ok: true });
  });
  it("accepts Claude's hash of this endpoint in Claude", async () => {
    const expected = await claudeDomain(endpoint);
    expect(await checkDomain(claude, meta(expected), endpoint)).toEqual({ ok: true, domain: expected });
  });
  it("refuses anything else in Claude with Claude's message", async () => {
    const expected = await claudeDomain(endpoint);
    for (const wrong of [
      "https://widgets.example.com",
      "widgets.example.com",
      `https://${expected}`,
      await claudeDomain("http://127.0.0.1:5000/mcp/"),
      expected.toUpperCase(),
    ]) {
      const check = await checkDomain(claude, meta(wrong), endpoint);
      expect(check.ok).toBe(false);
      if (check.ok) continue;
      expect(check.message).toBe(`Invalid ui.domain format: expected "{hash}.claudemcpcontent.com", got "${wrong}".`);
      expect(check.expected).toBe(expected);
      expect(check.detail).toContain(expected);
      expect(check.detail).toContain(endpoint);
    }
  });
  it("leaves the value to the app in ChatGPT and generic hosts", async () => {
    expect(await checkDomain(chatgpt, meta("https://widgets.example.com"), endpoint)).toEqual({ ok: true, domain: "https://widgets.example.com" });
    expect((await checkDomain({ name: "MCP Apps host", domainRule: "declared" }, meta("anything"), endpoint)).ok).toBe(true);
  });
});
