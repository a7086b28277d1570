import { describe, expect, it } from "vitest";
import { resourceSandbox, templateUri, widgetMayCall, type ListedTool } from "../src/host/widget-template";

const tool = (meta: Record<string, unknown>): ListedTool => ({ name: "t", inputSchema: {}, _meta: meta });

describe("templateUri", () => {
  it("reads the MCP Apps key, new or flat", () => {
    expect(templateUri(tool({ ui: { resourceUri: "ui://w/a.html" } }), "apps")).toBe("ui://w/a.html");
    expect(templateUri(tool({ "ui/resourceUri": "ui://w/b.html" }), "apps")).toBe("ui://w/b.html");
  });
  it("prefers openai/outputTemplate in ChatGPT mode", () => {
    const both = tool({ ui: { resourceUri: "ui://w/a.html" }, "openai/outputTemplate": "ui://w/a.skybridge.html" });
    expect(templateUri(both, "chatgpt")).toBe("ui://w/a.skybridge.html");
    expect(templateUri(both, "apps")).toBe("ui://w/a.html");
    expect(templateUri(tool({}), "chatgpt")).toBeUndefined();
  });
});

describe("widgetMayCall", () => {
  it("follows ui.visibility, both by default in MCP Apps", () => {
    expect(widgetMayCall(tool({ ui: { visibility: ["model"] } }), "apps")).toBe(false);
    expect(widgetMayCall(tool({ ui: { visibility: ["model", "app"] } }), "chatgpt")).toBe(true);
    expect(widgetMayCall(tool({}), "apps")).toBe(true);
  });
  it("needs widgetAccessible in ChatGPT when no visibility is given", () => {
    expect(widgetMayCall(tool({}), "chatgpt")).toBe(false);
    expect(widgetMayCall(tool({ "openai/widgetAccessible": true }), "chatgpt")).toBe(true);
  });
});

describe("resourceSandbox", () => {
  it("reads ui.csp, or openai/widgetCSP for ChatGPT templates", () => {
    expect(resourceSandbox({ ui: { csp: { connectDomains: ["https://a"] }, prefersBorder: true } })).toEqual({
      csp: { connectDomains: ["https://a"] },
      permissions: undefined,
      prefersBorder: true,
    });
    const openai = resourceSandbox({ "openai/widgetCSP": { connect_domains: ["https://a"], resource_domains: ["https://b"] } });
    expect(openai.csp).toEqual({ connectDomains: ["https://a"], resourceDomains: ["https://b"], frameDomains: undefined });
    expect(resourceSandbox(undefined)).toEqual({ csp: undefined, permissions: undefined, prefersBorder: false });
  });
});
