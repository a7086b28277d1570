import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  currentBaseUrl,
  guardHtmlAttributes,
  installBootstrap,
  isForeignFrame,
  openThroughHost,
  readBaseUrl,
  relativeHistory,
} from "../src/bootstrap";
import { FakeHost, installOpenAi, removeOpenAi, resetParent, tick } from "./fake-host";

const BASE = "https://app.example/shop/";
const SANDBOX = location.origin; // jsdom's page origin stands in for the host's sandbox origin

let uninstall: (() => void) | null = null;
let fetchMock: ReturnType<typeof vi.fn>;
const originalFetch = window.fetch;

beforeEach(() => {
  fetchMock = vi.fn(async () => new Response("ok"));
  window.fetch = fetchMock as unknown as typeof fetch;
});
afterEach(() => {
  uninstall?.();
  uninstall = null;
  window.fetch = originalFetch;
  resetParent();
  removeOpenAi();
  document.head.innerHTML = "";
  document.body.innerHTML = "";
  delete (window as { __INLAY_BASE_URL__?: string }).__INLAY_BASE_URL__;
  history.replaceState(null, "", "/");
});

function meta(content: string) {
  const m = document.createElement("meta");
  m.name = "inlay-base-url";
  m.content = content;
  document.head.append(m);
}

describe("activation", () => {
  it("reads the base URL from the meta tag, else from window.__INLAY_BASE_URL__", () => {
    expect(readBaseUrl()).toBeNull();
    (window as { __INLAY_BASE_URL__?: string }).__INLAY_BASE_URL__ = "https://global.example/";
    expect(readBaseUrl()).toBe("https://global.example/");
    meta(BASE);
    expect(readBaseUrl()).toBe(BASE);
  });

  it("ignores a base URL that is not absolute", () => {
    meta("/relative/");
    expect(readBaseUrl()).toBeNull();
  });

  it("is a foreign frame only when framed on another origin", () => {
    expect(isForeignFrame(BASE)).toBe(false);
    new FakeHost().install();
    expect(isForeignFrame(BASE)).toBe(true);
    expect(isForeignFrame(`${SANDBOX}/app/`)).toBe(false);
  });

  it("counts srcdoc and about:blank documents as foreign", () => {
    const fake = { parent: {}, location: { protocol: "about:", origin: "null" } } as unknown as Window;
    expect(isForeignFrame(BASE, fake)).toBe(true);
  });

  it("stays inactive on a top-level page, on the app's own origin, and without a base URL", () => {
    meta(BASE);
    expect(installBootstrap()).toBeNull();
    new FakeHost().install();
    expect(installBootstrap({ baseUrl: `${SANDBOX}/` })).toBeNull();
    document.head.innerHTML = "";
    expect(installBootstrap()).toBeNull();
    expect(window.fetch).toBe(fetchMock);
  });

  it("activates in a foreign-origin iframe, exposes the base URL and adds <base href>", () => {
    new FakeHost().install();
    meta(BASE);
    uninstall = installBootstrap();
    expect(uninstall).toBeTypeOf("function");
    expect((window as { __INLAY_BASE_URL__?: string }).__INLAY_BASE_URL__).toBe(BASE);
    expect(document.querySelector("base")!.getAttribute("href")).toBe(BASE);
    expect(window.fetch).not.toBe(fetchMock);
  });

  it("keeps an existing <base> element", () => {
    new FakeHost().install();
    document.head.innerHTML = '<base href="https://cdn.example/">';
    uninstall = installBootstrap({ baseUrl: BASE });
    expect(document.querySelectorAll("base")).toHaveLength(1);
    expect(document.querySelector("base")!.getAttribute("href")).toBe("https://cdn.example/");
  });
});

describe("fetch", () => {
  beforeEach(() => {
    new FakeHost().install();
    uninstall = installBootstrap({ baseUrl: BASE });
  });

  it("sends relative URLs to the app origin with mode cors, resolved against the base URL", async () => {
    await window.fetch("/api/items?page=2", { headers: { "x-a": "1" } });
    await window.fetch("cart.json");
    expect(fetchMock.mock.calls).toEqual([
      ["https://app.example/api/items?page=2", { headers: { "x-a": "1" }, mode: "cors" }],
      ["https://app.example/shop/cart.json", { mode: "cors" }],
    ]);
  });

  it("rewrites URLs on the sandbox origin to the app origin", async () => {
    await window.fetch(`${SANDBOX}/api/items?x=1#h`);
    await window.fetch(new URL(`${SANDBOX}/next/data.json`));
    expect(fetchMock.mock.calls.map((c) => c[0])).toEqual([
      "https://app.example/api/items?x=1#h",
      "https://app.example/next/data.json",
    ]);
  });

  it("adds mode cors to absolute app-origin URLs", async () => {
    await window.fetch("https://app.example/api/a", { method: "POST", body: "x" });
    expect(fetchMock).toHaveBeenCalledWith("https://app.example/api/a", { method: "POST", body: "x", mode: "cors" });
  });

  it("leaves other origins alone", async () => {
    const init = { credentials: "omit" as const };
    await window.fetch("https://api.other.example/v1", init);
    expect(fetchMock.mock.calls[0]).toEqual(["https://api.other.example/v1", init]);
  });

  it("rewrites Request objects, keeping method and headers", async () => {
    await window.fetch(new Request(`${SANDBOX}/api/r`, { method: "PUT", headers: { "x-b": "2" } }));
    const [request, init] = fetchMock.mock.calls[0]!;
    expect(request).toBeInstanceOf(Request);
    expect((request as Request).url).toBe("https://app.example/api/r");
    expect((request as Request).method).toBe("PUT");
    expect((request as Request).headers.get("x-b")).toBe("2");
    expect(init).toEqual({ mode: "cors" });
  });

  it("is restored on uninstall", () => {
    uninstall!();
    uninstall = null;
    expect(window.fetch).toBe(fetchMock);
  });
});

describe("history", () => {
  it("puts the app path on the sandbox origin even with <base href> on the app origin", () => {
    new FakeHost().install();
    uninstall = installBootstrap({ baseUrl: BASE });
    history.pushState({ n: 1 }, "", "https://app.example/shop/item/7?tab=2#reviews");
    expect(location.href).toBe(`${SANDBOX}/shop/item/7?tab=2#reviews`);
    expect(history.state).toEqual({ n: 1 });
    // Relative URLs resolve against the page the app now shows, as they would on the app's own origin.
    history.replaceState({ n: 2 }, "", "cart");
    expect(location.href).toBe(`${SANDBOX}/shop/item/cart`);
    history.pushState({ n: 3 }, "");
    expect(history.state).toEqual({ n: 3 });
    expect(location.href).toBe(`${SANDBOX}/shop/item/cart`);
  });

  it("moves the base URL and its own <base href> with client-side navigation", async () => {
    new FakeHost().install();
    uninstall = installBootstrap({ baseUrl: BASE });
    history.pushState(null, "", "/docs/guide/intro?x=1");
    const w = window as { __INLAY_BASE_URL__?: string };
    expect(w.__INLAY_BASE_URL__).toBe("https://app.example/docs/guide/intro?x=1");
    expect(document.querySelector("base")!.href).toBe("https://app.example/docs/guide/intro?x=1");
    await window.fetch("data.json");
    expect(fetchMock.mock.calls[0]![0]).toBe("https://app.example/docs/guide/data.json");
  });

  it("reads the app URL back from the sandbox URL on popstate", () => {
    new FakeHost().install();
    uninstall = installBootstrap({ baseUrl: BASE });
    history.pushState(null, "", "/a/one");
    history.pushState(null, "", "/b/two");
    history.replaceState(null, "", `${SANDBOX}/a/one`); // what Back leaves in location
    (window as { __INLAY_BASE_URL__?: string }).__INLAY_BASE_URL__ = "https://app.example/stale";
    window.dispatchEvent(new PopStateEvent("popstate"));
    expect((window as { __INLAY_BASE_URL__?: string }).__INLAY_BASE_URL__).toBe("https://app.example/a/one");
  });

  it("leaves a <base> the page brought itself alone", () => {
    new FakeHost().install();
    document.head.innerHTML = '<base href="https://cdn.example/">';
    uninstall = installBootstrap({ baseUrl: BASE });
    history.pushState(null, "", "/x");
    expect(document.querySelector("base")!.getAttribute("href")).toBe("https://cdn.example/");
  });

  it("ignores a base URL on another origin than the app's", () => {
    const fake = { __INLAY_BASE_URL__: "https://evil.example/" } as unknown as Window;
    expect(currentBaseUrl(BASE, fake)).toBe(BASE);
  });

  it("passes path-only URLs in about:srcdoc and keeps the state when the sandbox refuses any URL", () => {
    const push = vi.fn((_data: unknown, _unused: string, url?: string | URL | null) => {
      if (url != null) throw new DOMException("about:srcdoc", "SecurityError");
    });
    const replace = vi.fn();
    const fake = {
      history: { pushState: push, replaceState: replace },
      location: { protocol: "about:", origin: "null" },
    } as unknown as Window;
    const undo = relativeHistory(BASE, fake);
    fake.history.pushState({ a: 1 }, "", "https://app.example/x?y=1");
    expect(push.mock.calls).toEqual([
      [{ a: 1 }, "", "/x?y=1"],
      [{ a: 1 }, ""],
    ]);
    fake.history.replaceState(null, "", new URL("https://app.example/z"));
    expect(replace).toHaveBeenCalledWith(null, "", "/z");
    undo();
    expect(fake.history.pushState).toBe(push);
  });
});

describe("external links", () => {
  let host: FakeHost;
  beforeEach(() => {
    host = new FakeHost().install();
    uninstall = installBootstrap({ baseUrl: BASE });
  });

  function click(html: string, init: MouseEventInit = {}): MouseEvent {
    document.body.innerHTML = html;
    const target = document.querySelector("span") ?? document.querySelector("a")!;
    const event = new MouseEvent("click", { bubbles: true, cancelable: true, button: 0, ...init });
    // Stop jsdom from attempting a navigation for the links we do not intercept.
    document.addEventListener("click", (e) => e.preventDefault(), { once: true });
    target.dispatchEvent(event);
    return event;
  }

  it("sends a link to another origin to ui/open-link", () => {
    const event = click('<a href="https://docs.example/guide"><span>docs</span></a>');
    expect(event.defaultPrevented).toBe(true);
    expect(host.posted).toEqual([
      { jsonrpc: "2.0", id: "inlay-link-1", method: "ui/open-link", params: { url: "https://docs.example/guide" } },
    ]);
  });

  it("sends a same-origin target=_blank link to the host, resolved against the base URL", () => {
    click('<a href="terms" target="_blank">terms</a>');
    expect(host.posted[0]!.params).toEqual({ url: "https://app.example/shop/terms" });
  });

  it("never sends a javascript: or data: URL to the host", () => {
    openThroughHost("javascript:alert(1)");
    openThroughHost("data:text/html,<b>x</b>");
    expect(host.posted).toHaveLength(0);
  });

  it("prefers window.openai.openExternal", () => {
    const oa = installOpenAi();
    click('<a href="https://docs.example/">docs</a>');
    expect(oa.openExternal).toHaveBeenCalledWith({ href: "https://docs.example/" });
    expect(host.posted).toHaveLength(0);
  });

  it("hands the link to a loaded runtime through the inlay:open-link event", () => {
    const handler = vi.fn((e: Event) => e.preventDefault());
    window.addEventListener("inlay:open-link", handler, { once: true });
    click('<a href="https://docs.example/x">docs</a>');
    expect((handler.mock.calls[0]![0] as CustomEvent).detail).toEqual({ href: "https://docs.example/x" });
    expect(host.posted).toHaveLength(0);
  });

  it("leaves in-app links, modified clicks, downloads, non-http links and handled clicks alone", () => {
    click('<a href="/shop/item/2">item</a>');
    click('<a href="https://app.example/shop/">home</a>');
    click('<a href="https://docs.example/">docs</a>', { ctrlKey: true });
    click('<a href="https://docs.example/">docs</a>', { button: 1 });
    click('<a href="https://docs.example/file.pdf" download>pdf</a>');
    click('<a href="mailto:help@app.example">mail</a>');
    document.body.innerHTML = '<a href="https://docs.example/">docs</a>';
    const a = document.querySelector("a")!;
    a.addEventListener("click", (e) => e.preventDefault());
    document.addEventListener("click", (e) => e.preventDefault(), { capture: true, once: true });
    a.dispatchEvent(new MouseEvent("click", { bubbles: true, cancelable: true }));
    expect(host.posted).toHaveLength(0);
  });
});

describe("<html> attribute guard", () => {
  const html = document.documentElement;
  beforeEach(() => {
    for (const a of Array.from(html.attributes)) html.removeAttribute(a.name);
    html.setAttribute("lang", "en");
    html.setAttribute("class", "app-root");
  });

  it("restores changed and removed attributes and removes added ones", async () => {
    const stop = guardHtmlAttributes();
    html.setAttribute("lang", "fr-FR");
    html.removeAttribute("class");
    html.setAttribute("data-theme", "dark");
    html.setAttribute("style", "color-scheme: dark");
    await tick();
    expect(html.getAttribute("lang")).toBe("en");
    expect(html.getAttribute("class")).toBe("app-root");
    expect(html.hasAttribute("data-theme")).toBe(false);
    expect(html.hasAttribute("style")).toBe(false);
    stop();
    html.setAttribute("lang", "de");
    await tick();
    expect(html.getAttribute("lang")).toBe("de");
  });

  it("is installed by the bootstrap", async () => {
    new FakeHost().install();
    uninstall = installBootstrap({ baseUrl: BASE });
    html.setAttribute("lang", "ja");
    await tick();
    expect(html.getAttribute("lang")).toBe("en");
  });
});
