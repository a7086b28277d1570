import { describe, expect, it } from "vitest";
import { contentSecurityPolicy } from "../src/sandbox/content-security-policy";
import { allowAttribute } from "../src/sandbox/allow-attribute";

const directive = (policy: string, name: string) => policy.split("; ").find((d) => d.startsWith(name + " "));

describe("contentSecurityPolicy", () => {
  it("allows nothing outside the widget document when no domain is declared", () => {
    const policy = contentSecurityPolicy(undefined);
    expect(directive(policy, "default-src")).toBe("default-src 'none'");
    expect(directive(policy, "connect-src")).toBe("connect-src 'self'");
    expect(directive(policy, "frame-src")).toBe("frame-src 'none'");
    expect(directive(policy, "base-uri")).toBe("base-uri 'self'");
    expect(directive(policy, "object-src")).toBe("object-src 'none'");
    expect(directive(policy, "script-src")).toBe("script-src 'self' 'unsafe-inline' blob:");
  });

  it("puts resource domains on scripts, styles, images, fonts and media, and connect domains on fetches", () => {
    const policy = contentSecurityPolicy({
      resourceDomains: ["https://cdn.example.com"],
      connectDomains: ["https://api.example.com"],
      frameDomains: ["https://www.youtube.com"],
      baseUriDomains: ["https://cdn.example.com"],
    });
    for (const name of ["script-src", "style-src", "img-src", "font-src", "media-src"])
      expect(directive(policy, name)).toContain("https://cdn.example.com");
    expect(directive(policy, "connect-src")).toBe("connect-src 'self' https://api.example.com");
    expect(directive(policy, "frame-src")).toBe("frame-src https://www.youtube.com");
    expect(directive(policy, "base-uri")).toBe("base-uri https://cdn.example.com");
  });

  it("drops entries that would inject directives", () => {
    const policy = contentSecurityPolicy({ connectDomains: ["https://ok.example.com", "https://x.com; script-src *", "'unsafe-eval'"] });
    expect(directive(policy, "connect-src")).toBe("connect-src 'self' https://ok.example.com");
    expect(policy).not.toContain("unsafe-eval");
  });
});

describe("allowAttribute", () => {
  it("maps permissions to the iframe allow list", () => {
    expect(allowAttribute({ camera: {}, clipboardWrite: {} })).toBe("camera; clipboard-write");
    expect(allowAttribute(undefined)).toBe("");
  });
});
