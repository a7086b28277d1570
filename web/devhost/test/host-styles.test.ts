import { describe, expect, it } from "vitest";
import { hostStyles } from "../src/host/hosts/host-styles";
import { filterStyleVariables } from "../../view/src/host-styles";

describe("hostStyles", () => {
  it("sends ChatGPT only the theme: no variables", () => {
    expect(hostStyles("chatgpt", "light")).toBeUndefined();
    expect(hostStyles("unknown-host", "dark")).toBeUndefined();
  });
  it("sends Claude and the generic MCP Apps host a light and a dark set, each different from the other host's", () => {
    const bg = (host: string, theme: "light" | "dark") => hostStyles(host, theme)?.variables?.["--color-background-secondary"];
    const values = [bg("claude", "light"), bg("claude", "dark"), bg("mcp-apps", "light"), bg("mcp-apps", "dark")];
    expect(new Set(values).size).toBe(4);
    for (const v of values) expect(v).toMatch(/^#[0-9a-f]{6}$/);
  });
  it("sends only variables @inlay/view keeps (its filter drops nothing)", () => {
    for (const host of ["claude", "mcp-apps"])
      for (const theme of ["light", "dark"] as const) {
        const variables = hostStyles(host, theme)!.variables as Record<string, string>;
        expect(filterStyleVariables(variables)).toEqual(variables);
        expect(Object.keys(variables).length).toBeGreaterThan(20);
      }
  });
  it("names its own font family first and defines it from local fonts only, so nothing is fetched", () => {
    for (const [host, family] of [
      ["claude", "Inlay Claude Sans"],
      ["mcp-apps", "Inlay Host Sans"],
    ] as const) {
      const styles = hostStyles(host, "light")!;
      expect(styles.variables?.["--font-sans"]).toMatch(new RegExp(`^"${family}",`));
      expect(styles.css?.fonts).toContain(`font-family: "${family}"`);
      expect(styles.css?.fonts).not.toMatch(/url\(/);
    }
  });
});
