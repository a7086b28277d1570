// Runs the Content sample (its Release or Debug build) on loopback, takes its widget from resources/read and the
// show_content result from tools/call, and renders them in Debian's Chromium inside a minimal MCP Apps host page on
// another loopback origin, twice:
// - "srcdoc": the host frames a sandbox proxy on a third origin, which puts the HTML into an inner sandboxed
//   srcdoc iframe under the CSP built from _meta.ui.csp (as ext-apps' sandbox does) and relays the ui/* messages;
// - "url": the host frames the HTML served from the sandbox origin with that CSP as a header.
// Then it checks what a person would see: the article the tool named, a second page reached by client-side
// navigation (no reload, history and base URL kept relative), Back, search through the data endpoint, an external
// link opened through the host, the fullscreen request, the host's maxHeight and its design tokens. Screenshots go to test-results/.
// Any console error (CSP violations included) or failed request fails the run.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { createServer } from "node:http";
import { createServer as createNetServer } from "node:net";
import { join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const here = fileURLToPath(new URL(".", import.meta.url));
const sample = normalize(join(here, "../../../../samples/Content"));
const results = join(here, "../test-results");
const MAX_HEIGHT = 300;

const freePort = () =>
  new Promise((resolve, reject) => {
    const s = createNetServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

// --- the app ---------------------------------------------------------------------------------------------------
const dll = ["Release", "Debug"].map((c) => join(sample, `bin/${c}/net10.0/Content.dll`)).find(existsSync);
if (!dll) throw new Error("Build the Content sample first: dotnet build samples/Content -c Release");
const appPort = await freePort();
const appOrigin = `http://127.0.0.1:${appPort}`;
const appProcess = spawn("dotnet", [dll, "--urls", appOrigin], {
  cwd: sample,
  env: { ...process.env, ASPNETCORE_ENVIRONMENT: "Development", DOTNET_NOLOGO: "1" },
  stdio: ["ignore", "pipe", "pipe"],
});
let appLog = "";
appProcess.stdout.on("data", (d) => (appLog += d));
appProcess.stderr.on("data", (d) => (appLog += d));

async function waitForApp() {
  for (let i = 0; i < 150; i++) {
    if (appProcess.exitCode !== null) throw new Error(`The Content app exited:\n${appLog}`);
    try {
      if ((await fetch(`${appOrigin}/api/articles`)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`The Content app did not answer:\n${appLog}`);
}

let rpcId = 0;
async function mcp(method, params) {
  const response = await fetch(`${appOrigin}/mcp`, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json, text/event-stream" },
    body: JSON.stringify({ jsonrpc: "2.0", id: ++rpcId, method, params }),
  });
  const text = await response.text();
  const json = text.trimStart().startsWith("{") ? text : text.split("\n").find((l) => l.startsWith("data:")).slice(5);
  const message = JSON.parse(json);
  if (!message.result) throw new Error(`${method}: ${json}`);
  return message.result;
}

// --- the host (127.0.0.1) and its sandbox origin (localhost), on one port ---------------------------------------
function cspOf(meta) {
  const csp = meta?.ui?.csp ?? {};
  const list = (k) => (csp[k] ?? []).join(" ");
  return [
    "default-src 'none'",
    `script-src 'self' 'unsafe-inline' ${list("resourceDomains")}`,
    `style-src 'self' 'unsafe-inline' ${list("resourceDomains")}`,
    `connect-src 'self' ${list("connectDomains")}`,
    `img-src 'self' data: ${list("resourceDomains")}`,
    `font-src 'self' ${list("resourceDomains")}`,
    `media-src 'self' data: ${list("resourceDomains")}`,
    "frame-src 'none'",
    "object-src 'none'",
    `base-uri ${csp.baseUriDomains?.length ? list("baseUriDomains") : "'self'"}`,
  ].join("; ");
}

// The host's design tokens and a font (a local one: no font-src needed).
const HOST_STYLES = {
  variables: { "--color-text-primary": "rgb(90, 20, 20)", "--color-text-info": "rgb(0, 120, 90)", "--font-sans": '"Host Serif", serif' },
  css: { fonts: '@font-face { font-family: "Host Serif"; src: local("DejaVu Serif"); }' },
};

let widget; // { html, meta }
let toolResult;

const hostPage = (src) => `<!doctype html><html><body style="margin:0">
<iframe id="app" src="${src}" style="width:640px;height:200px;border:0;display:block"></iframe>
<script>
  const MAX_HEIGHT = ${MAX_HEIGHT};
  window.hostLog = [];
  const frame = document.getElementById("app");
  const post = (m) => frame.contentWindow.postMessage({ jsonrpc: "2.0", ...m }, "*");
  window.addEventListener("message", async (e) => {
    if (e.source !== frame.contentWindow) return;
    const m = e.data;
    window.hostLog.push({ method: m.method ?? "response", params: m.params });
    if (m.method === "ui/notifications/sandbox-proxy-ready") {
      const widget = await (await fetch("/widget.json")).json();
      post({ method: "ui/notifications/sandbox-resource-ready", params: { html: widget.html, csp: widget.meta?.ui?.csp } });
    }
    if (m.method === "ui/initialize") post({ id: m.id, result: {
      protocolVersion: "2026-01-26", hostInfo: { name: "test-host", version: "1" },
      hostCapabilities: { openLinks: {}, serverTools: {} },
      hostContext: { theme: "light", locale: "en-US", displayMode: "inline", availableDisplayModes: ["inline", "fullscreen"],
        containerDimensions: { width: 640, maxHeight: MAX_HEIGHT }, styles: ${JSON.stringify(HOST_STYLES)} } } });
    if (m.method === "ui/notifications/initialized") {
      const result = await (await fetch("/tool-result.json")).json();
      post({ method: "ui/notifications/tool-input", params: { arguments: { name: "getting-started" } } });
      post({ method: "ui/notifications/tool-result", params: result });
    }
    if (m.method === "ui/notifications/size-changed" && m.params?.height) frame.style.height = Math.min(m.params.height, MAX_HEIGHT) + "px";
    if (m.method === "ui/open-link") post({ id: m.id, result: {} });
    if (m.method === "ui/request-display-mode") {
      post({ id: m.id, result: { mode: m.params.mode } });
      post({ method: "ui/notifications/host-context-changed", params: { displayMode: m.params.mode } });
    }
  });
</script></body></html>`;

// The sandbox proxy: an inner srcdoc iframe with the widget's CSP, and every message relayed both ways.
const sandboxProxy = `<!doctype html><html><body style="margin:0">
<script>
  let inner;
  window.addEventListener("message", (e) => {
    if (e.source === window.parent) {
      if (e.data?.method === "ui/notifications/sandbox-resource-ready") {
        const { html, csp } = e.data.params;
        const list = (k) => (csp?.[k] ?? []).join(" ");
        const policy = ${cspOf.toString()}({ ui: { csp } });
        inner = document.createElement("iframe");
        inner.setAttribute("sandbox", "allow-scripts allow-same-origin");
        inner.style.cssText = "width:100%;height:100vh;border:0;display:block";
        const meta = '<meta http-equiv="Content-Security-Policy" content="' + policy.replace(/"/g, "&quot;") + '">';
        inner.srcdoc = html.replace(/<head[^>]*>/i, (h) => h + meta);
        document.body.append(inner);
      } else inner?.contentWindow?.postMessage(e.data, "*");
    } else if (inner && e.source === inner.contentWindow) window.parent.postMessage(e.data, "*");
  });
  window.parent.postMessage({ jsonrpc: "2.0", method: "ui/notifications/sandbox-proxy-ready", params: {} }, "*");
</script></body></html>`;

const host = createServer((req, res) => {
  const url = new URL(req.url, "http://localhost");
  const send = (type, body, headers = {}) => { res.writeHead(200, { "content-type": type, ...headers }); res.end(body); };
  if (url.pathname === "/favicon.ico") { res.writeHead(204); return res.end(); }
  if (url.pathname === "/host.html") return send("text/html", hostPage(url.searchParams.get("src")));
  if (url.pathname === "/sandbox.html") return send("text/html", sandboxProxy);
  if (url.pathname === "/widget.json") return send("application/json", JSON.stringify(widget));
  if (url.pathname === "/tool-result.json") return send("application/json", JSON.stringify(toolResult));
  // The "url" mode: the widget document itself, on the sandbox origin, under its CSP. Reloading a pushed path
  // would land here too, which the checks below would notice as a second document.
  if (url.pathname === "/widget.html" || url.pathname.startsWith("/articles/"))
    return send("text/html", widget.html, { "content-security-policy": cspOf(widget.meta) });
  res.writeHead(404);
  res.end();
});

// --- the checks ---------------------------------------------------------------------------------------------------
let passed = 0;
const failures = [];
const check = (name, ok, detail = "") => {
  if (ok) { passed++; console.log(`ok - ${name}`); } else { failures.push(name); console.log(`not ok - ${name} ${detail}`); }
};

let browser;
let errors = [];
try {
  await waitForApp();
  const read = await mcp("resources/read", { uri: "ui://widget/content.html" });
  widget = { html: read.contents[0].text, meta: read.contents[0]._meta };
  toolResult = await mcp("tools/call", { name: "show_content", arguments: { name: "getting-started" } });
  check("tools/call show_content names the article's page", toolResult.structuredContent?.path === "/articles/getting-started");
  check("the widget HTML carries the page's base URL", widget.html.includes(`<meta name="inlay-base-url" content="${appOrigin}/">`));

  await new Promise((resolve) => host.listen(0, "127.0.0.1", resolve));
  const hostPort = host.address().port;
  const hostOrigin = `http://127.0.0.1:${hostPort}`;
  const sandboxOrigin = `http://localhost:${hostPort}`;

  browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  await mkdir(results, { recursive: true });

  for (const mode of ["srcdoc", "url"]) {
    const page = await browser.newPage({ viewport: { width: 660, height: 720 } });
    errors = [];
    page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("response", (r) => { if (r.status() >= 400) errors.push(`${r.status()} ${r.url()}`); });
    page.on("requestfailed", (r) => errors.push(`failed ${r.url()} ${r.failure()?.errorText}`));
    const src = mode === "srcdoc" ? `${sandboxOrigin}/sandbox.html` : `${sandboxOrigin}/widget.html`;
    await page.goto(`${hostOrigin}/host.html?src=${encodeURIComponent(src)}`);

    const outer = page.frameLocator("#app");
    const view = mode === "srcdoc" ? outer.frameLocator("iframe") : outer;
    const frame = () => page.frames().find((f) => (mode === "srcdoc" ? f.url() === "about:srcdoc" : f.url().startsWith(sandboxOrigin)));
    const heading = view.locator("main h1");
    const headingIs = async (text) => {
      try { await view.locator("main h1", { hasText: text }).waitFor({ timeout: 15000 }); return true; } catch { return false; }
    };
    const log = () => page.evaluate(() => window.hostLog);

    check(`${mode}: the article the tool named is shown (client-side, from the tool result)`, await headingIs("Getting started with Inlay"), await heading.textContent().catch(() => ""));
    await frame().evaluate(() => { window.__sameDocument = true; });
    const widgetFrame = frame();
    check(`${mode}: the widget runs on the sandbox, not the app origin`,
      mode === "srcdoc" ? widgetFrame.url() === "about:srcdoc" : new URL(widgetFrame.url()).origin === sandboxOrigin, widgetFrame.url());
    await page.screenshot({ path: join(results, `content-${mode}-article.png`) });

    // The host's look, through the page bootstrap and the widget's CSP: its text colour, link colour and font.
    const look = await widgetFrame.evaluate(() => {
      const style = (el) => getComputedStyle(el);
      const link = document.querySelector("main a");
      return { color: style(document.body).color, link: link && style(link).color, font: style(document.body).fontFamily,
        sheet: !!document.getElementById("inlay-host-styles"), htmlStyle: document.documentElement.getAttribute("style") };
    });
    check(`${mode}: the page text takes the host's --color-text-primary`, look.color === "rgb(90, 20, 20)", JSON.stringify(look));
    check(`${mode}: links take the host's --color-text-info`, look.link === "rgb(0, 120, 90)", JSON.stringify(look));
    check(`${mode}: the page is in the host's --font-sans`, look.font.startsWith('"Host Serif"'), JSON.stringify(look));
    check(`${mode}: the host style sheet is in <head> and <html> is left alone`, look.sheet && look.htmlStyle === null, JSON.stringify(look));

    // The host's maxHeight: the body is capped, the header stays and <main> scrolls.
    const layout = await widgetFrame.evaluate(() => {
      const main = document.getElementById("page");
      return { maxHeight: getComputedStyle(document.body).maxHeight, height: document.body.getBoundingClientRect().height,
        scrolls: main.scrollHeight > main.clientHeight, overflow: getComputedStyle(main).overflowY };
    });
    check(`${mode}: the page keeps within the host's maxHeight and scrolls inside it`,
      layout.maxHeight === `${MAX_HEIGHT}px` && layout.height <= MAX_HEIGHT && layout.scrolls && layout.overflow === "auto", JSON.stringify(layout));
    const sizes = (await log()).filter((m) => m.method === "ui/notifications/size-changed").map((m) => m.params.height);
    check(`${mode}: the reported sizes respect maxHeight`, sizes.length > 0 && sizes.every((h) => h <= MAX_HEIGHT), JSON.stringify(sizes));

    // A second page by client-side navigation: a link inside the article.
    await view.locator("main a", { hasText: "Pages of your app as widgets" }).click();
    check(`${mode}: the linked article is shown`, await headingIs("Pages of your app as widgets"));
    const after = await widgetFrame.evaluate(() => ({
      same: window.__sameDocument === true, href: location.href, state: history.state, base: document.baseURI, global: window.__INLAY_BASE_URL__,
    }));
    check(`${mode}: it was client-side navigation (same document, no reload)`, after.same, JSON.stringify(after));
    check(`${mode}: history holds the app path, kept on the sandbox`,
      after.state?.path === "/articles/app-pages" && (mode === "srcdoc" ? after.href === "about:srcdoc" : after.href === `${sandboxOrigin}/articles/app-pages`),
      JSON.stringify(after));
    check(`${mode}: the base URL followed to the second page`,
      after.base === `${appOrigin}/articles/app-pages` && after.global === `${appOrigin}/articles/app-pages`, JSON.stringify(after));
    await page.screenshot({ path: join(results, `content-${mode}-second-page.png`) });

    await widgetFrame.evaluate(() => history.back());
    check(`${mode}: Back shows the first article again`, await headingIs("Getting started with Inlay"));

    // Search: data from /api/articles through the patched fetch, then a hit opened client-side.
    const search = view.locator("input[name=q]");
    await search.fill("cors");
    await search.press("Enter");
    const hits = view.locator("[data-testid=articles] a");
    await view.locator("[data-testid=results-for]", { hasText: "for “cors”" }).waitFor({ timeout: 15000 });
    const titles = await hits.allTextContents();
    check(`${mode}: search lists the matching articles from the data endpoint`,
      titles.length === 2 && titles.includes("Widget security") && titles.includes("Pages of your app as widgets"), JSON.stringify(titles));
    await page.screenshot({ path: join(results, `content-${mode}-search.png`) });
    await hits.filter({ hasText: "Widget security" }).click();
    check(`${mode}: a search hit opens its article`, await headingIs("Widget security"));

    // An external link goes to the host, and the widget stays where it is.
    await view.locator("main a", { hasText: "OpenAI Apps SDK reference" }).click();
    await page.waitForFunction(() => window.hostLog.some((m) => m.method === "ui/open-link"), null, { timeout: 5000 }).catch(() => {});
    const opened = (await log()).filter((m) => m.method === "ui/open-link").map((m) => m.params.url);
    check(`${mode}: the external link was opened through the host (ui/open-link)`,
      opened.length === 1 && opened[0] === "https://developers.openai.com/apps-sdk/reference", JSON.stringify(opened));
    check(`${mode}: and the widget did not navigate away`,
      (await headingIs("Widget security")) && (await widgetFrame.evaluate(() => window.__sameDocument === true)));

    // Fullscreen.
    const fullscreen = view.getByRole("button", { name: "Fullscreen" });
    check(`${mode}: a fullscreen button while inline`, await fullscreen.isVisible());
    await fullscreen.click();
    await page.waitForFunction(() => window.hostLog.some((m) => m.method === "ui/request-display-mode"), null, { timeout: 5000 }).catch(() => {});
    const requested = (await log()).filter((m) => m.method === "ui/request-display-mode").map((m) => m.params.mode);
    let hidden = true;
    try { await fullscreen.waitFor({ state: "hidden", timeout: 5000 }); } catch { hidden = false; }
    check(`${mode}: fullscreen was requested, and the button is gone once granted`, requested.join() === "fullscreen" && hidden, JSON.stringify(requested));

    check(`${mode}: no console errors or failed requests`, errors.length === 0, errors.join(" | "));
    await page.close();
  }

  // The same pages on the app's own site, with no host: an ordinary web site with client-side navigation.
  {
    const page = await browser.newPage({ viewport: { width: 660, height: 500 } });
    errors = [];
    // A top-level page asks for /favicon.ico, which the sample does not have.
    const favicon = (url) => url?.endsWith("/favicon.ico");
    page.on("console", (m) => { if (m.type() === "error" && !favicon(m.location()?.url)) errors.push(m.text()); });
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("response", (r) => { if (r.status() >= 400 && !favicon(r.url())) errors.push(`${r.status()} ${r.url()}`); });
    await page.goto(`${appOrigin}/`);
    await page.evaluate(() => { window.__sameDocument = true; });
    await page.locator("main a", { hasText: "Widget security" }).click();
    await page.locator("main h1", { hasText: "Widget security" }).waitFor({ timeout: 15000 });
    const state = await page.evaluate(() => ({ same: window.__sameDocument === true, href: location.href }));
    check("site: a link navigates client-side on the app's own origin", state.same && state.href === `${appOrigin}/articles/widget-security`, JSON.stringify(state));
    check("site: no fullscreen button without a host", !(await page.getByRole("button", { name: "Fullscreen" }).isVisible()));
    await page.goBack();
    await page.locator("main h1", { hasText: "Library" }).waitFor({ timeout: 15000 });
    check("site: Back shows the library", true);
    await page.screenshot({ path: join(results, "content-site.png") });
    check("site: no console errors or failed requests", errors.length === 0, errors.join(" | "));
    await page.close();
  }
} catch (error) {
  failures.push(String(error));
  console.log(`not ok - ${error?.stack ?? error}`);
  if (errors.length) console.log(`  console errors: ${errors.join(" | ")}`);
} finally {
  await browser?.close();
  host.close();
  appProcess.kill();
}
console.log(`${passed} passed, ${failures.length} failed`);
process.exit(failures.length === 0 ? 0 : 1);
