// The Content sample's page script, loaded by every page of the app (Pages/Shared/_Layout.cshtml).
// - Client-side navigation: clicks on links to the app's own pages fetch the next page and swap its <main>, and
//   history gets the new path. Inside a host's sandboxed iframe the page bootstrap sends those fetches to the app's
//   origin and keeps the history URLs on the sandbox's; on the app's own origin the same code runs unchanged.
// - Search: the search box asks /api/articles for data (JSON) and lists the hits.
// - The host: the @inlay/view bridge brings the tool result (the article to show), the host's maxHeight (the page
//   scrolls inside it), its theme, and the fullscreen request.
import { createInlayApp } from "@inlay/view";

interface ArticleSummary {
  slug: string;
  title: string;
  summary: string;
  path: string;
  minutes: number;
}

type BaseWindow = Window & { __INLAY_BASE_URL__?: string };

/** The URL relative links resolve against: the app page shown (moved by the bootstrap as we navigate), else ours. */
const baseUrl = () => (window as BaseWindow).__INLAY_BASE_URL__ ?? location.href;
const appOrigin = new URL(baseUrl()).origin;

function appUrl(href: string): URL | null {
  try {
    const url = new URL(href, baseUrl());
    return url.origin === appOrigin ? url : null;
  } catch {
    return null;
  }
}

const main = () => document.getElementById("page") as HTMLElement;
let navigation = 0;

/** Shows the app page at `url` in place of the current one; `push` adds a history entry, else the current one is replaced. */
async function navigate(url: URL, push: boolean): Promise<void> {
  const ticket = ++navigation;
  const path = url.pathname + url.search + url.hash;
  let html: string;
  try {
    const response = await fetch(url.pathname + url.search, { headers: { accept: "text/html" } });
    html = await response.text(); // a 404 page says what is missing: show it too
  } catch (error) {
    main().innerHTML = "";
    const p = document.createElement("p");
    p.setAttribute("role", "alert");
    p.textContent = `Could not load ${path}: ${(error as Error).message}`;
    main().append(p);
    return;
  }
  if (ticket !== navigation) return; // a later navigation won
  const next = new DOMParser().parseFromString(html, "text/html").getElementById("page");
  main().innerHTML = next?.innerHTML ?? "";
  document.title = next?.dataset.title ?? document.title;
  main().dataset.title = document.title;
  (push ? history.pushState : history.replaceState).call(history, { path }, "", path);
  main().scrollTop = 0;
}

document.addEventListener("click", (event) => {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const link = (event.target as Element | null)?.closest?.("a[href]") as HTMLAnchorElement | null;
  if (!link || link.target || link.hasAttribute("download")) return;
  const url = appUrl(link.getAttribute("href")!);
  if (!url || url.pathname.startsWith("/api/")) return; // other sites: the bootstrap opens them through the host
  event.preventDefault();
  void navigate(url, true);
});

addEventListener("popstate", (event) => {
  const path = (event.state as { path?: string } | null)?.path;
  const url = path ? appUrl(path) : null;
  if (url) void navigate(url, false);
});

/** Lists the articles matching the search box, from the app's data endpoint. */
async function search(query: string): Promise<void> {
  const ticket = ++navigation;
  const response = await fetch(`/api/articles?q=${encodeURIComponent(query)}`, { headers: { accept: "application/json" } });
  if (ticket !== navigation) return;
  const page = main();
  page.innerHTML = "";
  const title = document.createElement("h1");
  title.textContent = "Search";
  const status = document.createElement("p");
  status.className = "muted";
  status.dataset.testid = "results-for";
  page.append(title, status);
  if (!response.ok) {
    status.setAttribute("role", "alert");
    status.textContent = (await response.text()) || `Search failed (${response.status}).`;
    return;
  }
  const hits = (await response.json()) as ArticleSummary[];
  status.textContent = `${hits.length} result(s) for “${query}”`;
  const list = document.createElement("ul");
  list.className = "articles";
  list.dataset.testid = "articles";
  for (const hit of hits) {
    const item = document.createElement("li");
    const link = document.createElement("a");
    link.href = hit.path;
    link.textContent = hit.title;
    const summary = document.createElement("p");
    summary.textContent = hit.summary;
    item.append(link, ` · ${hit.minutes} min`, summary);
    list.append(item);
  }
  page.append(list);
}

// Searching as you type, and on Enter. Not through the form's submit event: sandboxed iframes without "allow-forms"
// block the submission before any submit handler runs. (Without script the form still works: GET /?q=.)
const searchBox = document.querySelector<HTMLInputElement>("form.search input[name=q]");
let typing: ReturnType<typeof setTimeout> | undefined;
searchBox?.addEventListener("input", () => {
  clearTimeout(typing);
  typing = setTimeout(() => void search(searchBox.value.trim()), 250);
});
searchBox?.addEventListener("keydown", (event) => {
  if (event.key !== "Enter") return;
  event.preventDefault();
  clearTimeout(typing);
  void search(searchBox.value.trim());
});

history.replaceState({ path: new URL(baseUrl()).pathname + new URL(baseUrl()).search }, "");

// The host. On the app's own site (no host) nothing connects and the page is an ordinary web page.
const app = createInlayApp({ appInfo: { name: "content-library", version: "1.0.0" }, displayModes: ["inline", "fullscreen"] });
const fullscreen = document.getElementById("fullscreen") as HTMLButtonElement | null;
fullscreen?.addEventListener("click", () => {
  app.requestDisplayMode("fullscreen").catch((e: Error) => app.log("warning", e.message));
});

let shown: string | null = null;
function render(): void {
  const s = app.getSnapshot();
  const inHost = s.host !== "none";
  document.body.classList.toggle("in-host", inHost);
  // The host's height limit: the header stays, <main> scrolls. (On <body>: the bootstrap restores <html> attributes.)
  document.body.style.maxHeight = inHost && s.maxHeight ? `${s.maxHeight}px` : "";
  if (inHost) document.body.dataset.theme = s.theme;
  if (fullscreen) fullscreen.hidden = !inHost || s.displayMode === "fullscreen";
  const article = s.toolOutput as Partial<ArticleSummary> | null;
  if (article?.path && article.path !== shown) {
    shown = article.path;
    const url = appUrl(article.path);
    if (url) void navigate(url, false);
  }
}
app.subscribe(render);
render();
