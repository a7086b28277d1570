import { describe, expect, it } from "vitest";
import fixture from "./fixtures/hosts.json";
import { cspForHost, cspIsDisputed } from "../src/host/hosts/host-csp";
import { parseHosts, selectProfile } from "../src/host/hosts/profiles";
import { contentSecurityPolicy } from "../src/sandbox/content-security-policy";

const doc = parseHosts(fixture);
const [chatgpt, claude, apps] = ["chatgpt", "claude", "mcp-apps"].map((id) => selectProfile(doc, id));
const declared = {
  connectDomains: ["https://api.example.com"],
  resourceDomains: ["https://cdn.example.com"],
  frameDomains: ["https://www.youtube.com"],
  baseUriDomains: ["https://cdn.example.com"],
};
const directive = (policy: string, name: string) => policy.split("; ").find((d) => d.startsWith(name + " "));

describe("cspForHost", () => {
  it("applies every declared origin in ChatGPT and the generic MCP Apps host", () => {
    for (const p of [chatgpt!, apps!]) expect(cspForHost(declared, p, "strict")).toEqual({ csp: declared, withheld: {} });
  });
  it("applies nothing declared in Claude read strictly (as reported): only the document's own inline code runs", () => {
    const { csp, withheld } = cspForHost(declared, claude!, "strict");
    expect(csp).toEqual({});
    expect(withheld).toEqual(declared);
    const policy = contentSecurityPolicy(csp);
    expect(directive(policy, "script-src")).toBe("script-src 'self' 'unsafe-inline' blob:");
    expect(directive(policy, "connect-src")).toBe("connect-src 'self'");
    expect(directive(policy, "frame-src")).toBe("frame-src 'none'");
  });
  it("applies resource and connect origins in Claude read as documented, never frame origins", () => {
    const { csp, withheld } = cspForHost(declared, claude!, "documented");
    expect(csp).toEqual({ connectDomains: declared.connectDomains, resourceDomains: declared.resourceDomains, baseUriDomains: declared.baseUriDomains });
    expect(withheld).toEqual({ frameDomains: declared.frameDomains });
    expect(directive(contentSecurityPolicy(csp), "frame-src")).toBe("frame-src 'none'");
  });
  it("has nothing to withhold when nothing is declared", () => {
    expect(cspForHost(undefined, claude!, "strict")).toEqual({ csp: undefined, withheld: {} });
    expect(cspForHost({ resourceDomains: [] }, claude!, "strict")).toEqual({ csp: {}, withheld: {} });
  });
  it("offers the choice of reading only where the profile says the handling is disputed", () => {
    expect([cspIsDisputed(chatgpt!), cspIsDisputed(claude!), cspIsDisputed(apps!)]).toEqual([false, true, false]);
  });
});
