// Renders the built greeting widget in Debian's Chromium inside a minimal MCP Apps host page (the ui/* handshake,
// then a tool result), and checks what a person would see: the greeting, the host-locale timestamp, the fullscreen
// button and both themes. Screenshots go to test-results/. Any console error fails the run.
import { createServer } from "node:http";
import { readFile, mkdir } from "node:fs/promises";
import { extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import { checks, launchChromium, pageErrors } from "../../../scripts/browser-check.mjs";

const here = fileURLToPath(new URL(".", import.meta.url));
const dist = normalize(join(here, "../../../../samples/Hello/widgets/greeting/dist"));
const results = join(here, "../test-results");
const types = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".json": "application/json" };

const hostPage = `<!doctype html><html><body style="margin:0">
<iframe id="app" src="/widget/index.html" style="width:640px;height:320px;border:0"></iframe>
<script>
  const theme = new URLSearchParams(location.search).get("theme") || "light";
  window.hostLog = [];
  const frame = document.getElementById("app");
  const post = (m) => frame.contentWindow.postMessage({ jsonrpc: "2.0", ...m }, "*");
  window.addEventListener("message", (e) => {
    if (e.source !== frame.contentWindow) return;
    const m = e.data; window.hostLog.push(m.method ?? "response");
    if (m.method === "ui/initialize") post({ id: m.id, result: {
      protocolVersion: "2026-01-26", hostInfo: { name: "test-host", version: "1" },
      hostCapabilities: { openLinks: {}, serverTools: {} },
      hostContext: { theme, locale: "fr-FR", displayMode: "inline", availableDisplayModes: ["inline", "fullscreen"] } } });
    if (m.method === "ui/notifications/initialized") {
      post({ method: "ui/notifications/tool-input", params: { arguments: { name: "Ada" } } });
      post({ method: "ui/notifications/tool-result", params: {
        content: [{ type: "text", text: "Greeted Ada." }],
        structuredContent: { message: "Hello, Ada!", name: "Ada", greetedAt: "2026-01-26T09:30:00Z", locale: null } } });
    }
    if (m.method === "ui/request-display-mode") post({ id: m.id, result: { mode: m.params.mode } });
  });
</script></body></html>`;

const server = createServer(async (req, res) => {
  const url = new URL(req.url, "http://localhost");
  if (url.pathname === "/favicon.ico") { res.writeHead(204); return res.end(); }
  if (url.pathname === "/host.html") { res.writeHead(200, { "content-type": "text/html" }); return res.end(hostPage); }
  const path = normalize(join(dist, url.pathname.replace(/^\/widget\//, "")));
  if (!url.pathname.startsWith("/widget/") || !path.startsWith(dist)) { res.writeHead(404); return res.end(); }
  try { res.writeHead(200, { "content-type": types[extname(path)] ?? "application/octet-stream" }); res.end(await readFile(path)); }
  catch { res.writeHead(404); res.end(); }
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const base = `http://127.0.0.1:${server.address().port}`;

const browser = await launchChromium();
const { check, fail, finish } = checks();

try {
  await mkdir(results, { recursive: true });
  const colors = {};
  for (const theme of ["light", "dark"]) {
    const page = await browser.newPage({ viewport: { width: 660, height: 340 } });
    const errors = pageErrors(page);
    await page.goto(`${base}/host.html?theme=${theme}`);
    const widget = page.frameLocator("#app");
    const message = widget.getByTestId("message");
    await message.waitFor({ timeout: 15000 });
    check(`${theme}: the greeting from the tool result is shown`, (await message.textContent()) === "Hello, Ada!");
    const body = await widget.locator("main").textContent();
    check(`${theme}: the timestamp is formatted in the host's locale (fr-FR)`, /janv\.?|janvier/.test(body ?? ""), body);
    check(`${theme}: no dev-mode banner inside a host`, !(body ?? "").includes("Dev mode"));
    const fullscreen = widget.getByRole("button", { name: "Fullscreen" });
    check(`${theme}: a fullscreen button while inline`, await fullscreen.isVisible());
    colors[theme] = await message.evaluate((el) => getComputedStyle(el).color);
    await page.screenshot({ path: join(results, `greeting-${theme}.png`) });
    await fullscreen.click();
    await page.waitForFunction(() => window.hostLog.includes("ui/request-display-mode"));
    await widget.getByRole("button", { name: "Fullscreen" }).waitFor({ state: "detached", timeout: 5000 });
    check(`${theme}: fullscreen was requested and the button is gone once granted`, true);
    check(`${theme}: no console errors`, errors.length === 0, errors.join(" | "));
    await page.close();
  }
  check("the dark theme restyles the text", colors.light !== colors.dark, `${colors.light} vs ${colors.dark}`);
} catch (error) {
  fail(error);
} finally {
  await browser.close();
  server.close();
}
finish();
