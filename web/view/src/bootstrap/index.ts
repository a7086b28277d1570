/**
 * Bootstrap for a server-rendered app page shown as a widget: the page was fetched by `resources/read` and now
 * runs in the host's sandboxed iframe (a foreign origin, often `about:srcdoc`). It makes the page behave as if it
 * were on the app's own origin:
 * - keeps the host from changing `<html>` attributes (they are restored as they were when the page loaded);
 * - keeps `history.pushState/replaceState` URLs on the sandbox's own origin (the app path only), so client-side
 *   routing does not throw in the sandbox;
 * - sends same-origin `fetch` calls (relative URLs, or the sandbox's origin) to the app origin with `mode: "cors"`;
 * - opens external links (another origin, or `target=_blank`) through the host instead of navigating the iframe.
 * It also adds `<base href>` (the app base URL) when the page has none.
 * The app base URL comes from `<meta name="inlay-base-url" content="…">` or `window.__INLAY_BASE_URL__`: the URL of
 * the app page the document stands for. Client-side navigation moves it, as it moves a document's URL on the app's
 * own origin: after `history.pushState(…, "/docs/b")` relative URLs resolve against `/docs/b`.
 */
import { checkExternalUrl } from "../external-url";

interface OpenExternalHost {
  openExternal?(args: { href: string }): unknown;
}
type BootstrapWindow = Window & {
  __INLAY_BASE_URL__?: string;
  openai?: OpenExternalHost;
};

/** The app base URL declared by the page, or null when it declared none. */
export function readBaseUrl(win: BootstrapWindow = window): string | null {
  const meta = win.document.querySelector<HTMLMetaElement>('meta[name="inlay-base-url"]')?.content;
  const raw = meta || win.__INLAY_BASE_URL__;
  if (!raw) return null;
  try {
    return new URL(raw).href;
  } catch {
    return null;
  }
}

/**
 * The URL relative URLs resolve against now: `window.__INLAY_BASE_URL__` (kept up to date by {@link relativeHistory})
 * when it is a URL on the app's origin, else `fallback`.
 */
export function currentBaseUrl(fallback: string, win: BootstrapWindow = window): string {
  const current = win.__INLAY_BASE_URL__;
  if (!current) return fallback;
  try {
    return new URL(current).origin === new URL(fallback).origin ? current : fallback;
  } catch {
    return fallback;
  }
}

/** True inside a foreign-origin iframe: framed, and on an origin other than the app's (or srcdoc / about:blank). */
export function isForeignFrame(baseUrl: string, win: Window = window): boolean {
  if (win.parent === win) return false;
  const loc = win.location;
  return loc.protocol === "about:" || new URL(baseUrl).origin !== loc.origin;
}

/** Restores the `<html>` attributes the page was rendered with whenever something else changes them. */
export function guardHtmlAttributes(win: Window = window): () => void {
  const html = win.document.documentElement;
  const original = new Map(Array.from(html.attributes, (a) => [a.name, a.value]));
  const restore = (records: MutationRecord[]) => {
    for (const { attributeName: name } of records) {
      if (!name) continue;
      const value = original.get(name);
      if (value === undefined) {
        if (html.hasAttribute(name)) html.removeAttribute(name);
      } else if (html.getAttribute(name) !== value) {
        html.setAttribute(name, value);
      }
    }
  };
  const observer = new MutationObserver(restore);
  observer.observe(html, { attributes: true });
  return () => observer.disconnect();
}

/**
 * Keeps `history.pushState/replaceState` URLs on the document's own origin: the app path (`/path?query#hash`, resolved
 * against the current app URL) is put on the sandbox origin, because a path resolved through `<base href>` would
 * point at the app origin and throw. Where the document accepts no URL at all (`about:srcdoc`), the state is
 * still pushed, without the URL.
 *
 * The app URL the page now stands for becomes the base URL, as a navigation on the app's own origin would make it:
 * `window.__INLAY_BASE_URL__` and the `<base href>` the bootstrap added follow it, so relative links and `fetch`
 * URLs in the second page resolve against the second page. On Back and Forward (`popstate`) the app URL is read
 * back from the sandbox URL; an `about:srcdoc` document has none, so there the base stays where the last push left it.
 */
export function relativeHistory(baseUrl: string, win: BootstrapWindow = window): () => void {
  const history = win.history;
  const { pushState, replaceState } = history;
  const appOrigin = new URL(baseUrl).origin;
  const moveBase = (href: string) => {
    win.__INLAY_BASE_URL__ = href;
    const base = win.document?.querySelector<HTMLBaseElement>("base[data-inlay-base]");
    if (base) base.href = href;
  };
  const wrap =
    (original: History["pushState"]): History["pushState"] =>
    (data, unused, url) => {
      if (url == null) return original.call(history, data, unused, url);
      const u = new URL(String(url), currentBaseUrl(baseUrl, win));
      const path = u.pathname + u.search + u.hash;
      const loc = win.location;
      try {
        original.call(history, data, unused, /^https?:$/.test(loc?.protocol) ? loc.origin + path : path);
      } catch {
        original.call(history, data, unused);
      }
      moveBase(appOrigin + path);
    };
  const onPopState = () => {
    const loc = win.location;
    if (/^https?:$/.test(loc?.protocol)) moveBase(appOrigin + loc.pathname + loc.search + loc.hash);
  };
  history.pushState = wrap(pushState);
  history.replaceState = wrap(replaceState);
  win.addEventListener?.("popstate", onPopState);
  return () => {
    history.pushState = pushState;
    history.replaceState = replaceState;
    win.removeEventListener?.("popstate", onPopState);
  };
}

/** Sends `fetch` calls aimed at the page itself (relative, app origin or sandbox origin) to the app origin. */
export function rewriteFetch(baseUrl: string, win: BootstrapWindow = window): () => void {
  const original = win.fetch;
  const app = new URL(baseUrl);
  const sandboxOrigin = win.location.origin;
  win.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const isRequest = typeof Request !== "undefined" && input instanceof Request;
    const raw = isRequest ? (input as Request).url : String(input);
    let url: URL;
    try {
      url = new URL(raw, currentBaseUrl(baseUrl, win));
    } catch {
      return original.call(win, input, init);
    }
    if (url.origin !== app.origin) {
      if (url.origin !== sandboxOrigin || sandboxOrigin === "null") return original.call(win, input, init);
      url = new URL(url.pathname + url.search + url.hash, app.origin);
    }
    const target = isRequest ? new Request(url.href, input as Request) : url.href;
    return original.call(win, target, { ...init, mode: "cors" });
  };
  return () => {
    win.fetch = original;
  };
}

let linkRequestId = 0;

/** Event the bootstrap dispatches first, so a loaded Inlay runtime (already connected) can open the link. */
export const OPEN_LINK_EVENT = "inlay:open-link";

/**
 * Opens a URL through the host: a loaded Inlay runtime (it cancels the `inlay:open-link` event), else
 * `window.openai.openExternal`, else an MCP Apps `ui/open-link` request posted to the parent.
 */
export function openThroughHost(target: string, win: BootstrapWindow = window): void {
  let href: string;
  try {
    href = checkExternalUrl(target);
  } catch {
    return;
  }
  const event = new CustomEvent(OPEN_LINK_EVENT, { detail: { href }, cancelable: true });
  if (!win.dispatchEvent(event)) return;
  if (win.openai?.openExternal) {
    void win.openai.openExternal({ href });
    return;
  }
  win.parent.postMessage(
    { jsonrpc: "2.0", id: `inlay-link-${++linkRequestId}`, method: "ui/open-link", params: { url: href } },
    "*",
  );
}

/** Intercepts clicks on links to another origin or with `target=_blank` and opens them through the host. */
export function interceptExternalLinks(baseUrl: string, win: BootstrapWindow = window): () => void {
  const app = new URL(baseUrl);
  const onClick = (event: MouseEvent) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
    const target = event.target as Element | null;
    const a = target?.closest?.("a[href]") as HTMLAnchorElement | null;
    if (!a || a.hasAttribute("download")) return;
    const url = new URL(a.getAttribute("href")!, currentBaseUrl(baseUrl, win));
    if (!/^https?:$/.test(url.protocol)) return;
    if (url.origin === app.origin && a.target !== "_blank") return;
    event.preventDefault();
    openThroughHost(url.href, win);
  };
  // Bubble phase: the page's own handlers (client-side routers) run first and can claim the click.
  win.document.addEventListener("click", onClick);
  return () => win.document.removeEventListener("click", onClick);
}

export interface BootstrapOptions {
  /** The app base URL; default: read from the page ({@link readBaseUrl}). */
  baseUrl?: string;
  /** Install even when not in a foreign-origin iframe (tests, diagnostics). */
  force?: boolean;
}

/**
 * Installs every patch when the page runs in a foreign-origin iframe. Returns a function that removes them,
 * or null when the bootstrap stayed inactive (top-level page, same origin, or no base URL).
 */
export function installBootstrap(options: BootstrapOptions = {}, win: BootstrapWindow = window): (() => void) | null {
  const baseUrl = options.baseUrl ?? readBaseUrl(win);
  if (!baseUrl || !(options.force || isForeignFrame(baseUrl, win))) return null;
  win.__INLAY_BASE_URL__ = baseUrl;
  const doc = win.document;
  if (!doc.querySelector("base")) {
    const base = doc.createElement("base");
    base.href = baseUrl;
    base.setAttribute("data-inlay-base", "");
    doc.head?.prepend(base);
  }
  const undo = [
    guardHtmlAttributes(win),
    relativeHistory(baseUrl, win),
    rewriteFetch(baseUrl, win),
    interceptExternalLinks(baseUrl, win),
  ];
  return () => undo.forEach((u) => u());
}
