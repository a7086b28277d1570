import { describe, expect, it } from "vitest";
import { escapeAttribute, injectIntoHead } from "../src/shared/inject-into-head";

describe("injectIntoHead", () => {
  it("inserts right after the head's opening tag", () => {
    expect(injectIntoHead('<!doctype html><html><head lang="x"><title>t</title></head></html>', "<X>")).toBe(
      '<!doctype html><html><head lang="x"><X><title>t</title></head></html>',
    );
  });
  it("adds a head inside html when there is none", () => {
    expect(injectIntoHead("<html><body>b</body></html>", "<X>")).toBe("<html><head><X></head><body>b</body></html>");
  });
  it("adds a head after the doctype of a fragment", () => {
    expect(injectIntoHead("<!DOCTYPE html><div>d</div>", "<X>")).toBe("<!DOCTYPE html><head><X></head><div>d</div>");
    expect(injectIntoHead("<div>d</div>", "<X>")).toBe("<head><X></head><div>d</div>");
  });
  it("does not take <header> for <head>", () => {
    expect(injectIntoHead("<html><header>h</header></html>", "<X>")).toBe("<html><head><X></head><header>h</header></html>");
  });
  it("escapes attribute values", () => {
    expect(escapeAttribute(`a "b" <c> & d`)).toBe("a &quot;b&quot; &lt;c> &amp; d");
  });
});
