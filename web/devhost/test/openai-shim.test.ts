import { afterEach, describe, expect, it, vi } from "vitest";
import { withOpenAi } from "../src/host/openai-shim";
import { OPENAI_CALL, OPENAI_GLOBALS, OPENAI_REPLY } from "../src/shared/messages";

/** Runs the script withOpenAi puts into a document, in this jsdom window. */
function install(globals: Record<string, unknown>) {
  const html = withOpenAi("<html><head></head><body></body></html>", globals);
  const script = /<script>([\s\S]*)<\/script>/.exec(html)![1]!;
  new Function(script)();
  return (window as unknown as { openai: Record<string, unknown> }).openai;
}

afterEach(() => {
  delete (window as unknown as { openai?: unknown }).openai;
});

describe("withOpenAi", () => {
  it("puts the script first in the head and escapes markup in the globals", () => {
    const html = withOpenAi("<html><head><title>t</title></head></html>", { toolOutput: { text: "</script><b>" } });
    expect(html.indexOf("<script>")).toBeLessThan(html.indexOf("<title>"));
    expect(html).not.toContain("</script><b>");
  });

  it("exposes the globals and sends method calls to the host, resolving with its reply", async () => {
    const posted: unknown[] = [];
    vi.spyOn(window.parent, "postMessage").mockImplementation((message: unknown) => void posted.push(message));
    const openai = install({ theme: "dark", locale: "fr-FR", toolOutput: { n: 1 } });
    expect(openai.theme).toBe("dark");
    expect(document.documentElement.lang).toBe("fr-FR");

    const reply = (openai.callTool as (n: string, a: unknown) => Promise<unknown>)("add_task", { title: "x" });
    const call = (posted[0] as Record<string, { id: number; method: string; params: unknown }>)[OPENAI_CALL]!;
    expect(call).toMatchObject({ method: "callTool", params: { name: "add_task", args: { title: "x" } } });
    window.dispatchEvent(new MessageEvent("message", { source: window.parent, data: { [OPENAI_REPLY]: { id: call.id, result: { ok: true } } } }));
    await expect(reply).resolves.toEqual({ ok: true });
  });

  it("rejects with the host's error and fires openai:set_globals on new globals", async () => {
    const posted: unknown[] = [];
    vi.spyOn(window.parent, "postMessage").mockImplementation((message: unknown) => void posted.push(message));
    const openai = install({ theme: "light" });
    const refused = (openai.requestModal as (a: unknown) => Promise<unknown>)({});
    const call = (posted[0] as Record<string, { id: number }>)[OPENAI_CALL]!;
    window.dispatchEvent(new MessageEvent("message", { source: window.parent, data: { [OPENAI_REPLY]: { id: call.id, error: "not here" } } }));
    await expect(refused).rejects.toThrow("not here");

    const seen: unknown[] = [];
    window.addEventListener("openai:set_globals", (e) => seen.push((e as CustomEvent).detail.globals));
    window.dispatchEvent(new MessageEvent("message", { source: window.parent, data: { [OPENAI_GLOBALS]: { theme: "dark" } } }));
    expect(openai.theme).toBe("dark");
    expect(seen.at(-1)).toEqual({ theme: "dark" });
  });
});
