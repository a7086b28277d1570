// Renders the built board widget in Debian's Chromium, inside a minimal MCP Apps host page, against the real Board
// server: the sample (its dotnet build output, with a temp SQLite file) is started on a free loopback port, the host
// page on another loopback origin reads the widget with resources/read and forwards the widget's tools/call to the
// server. The widget document is served from a third origin with the Content-Security-Policy its _meta declares.
// Checks what a person would see and do: the cards, a move by keyboard that round-trips to the server, a refused
// move rolled back with the server's message, a drag and drop, the filter kept over a reload, the summary
// follow-up, both themes, the host's design tokens. Screenshots go to test-results/. Any console error fails the run.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { checks, launchChromium, pageErrors } from "../../../scripts/browser-check.mjs";

const here = fileURLToPath(new URL(".", import.meta.url));
const sample = fileURLToPath(new URL("../../../../samples/Board/", import.meta.url));
const results = join(here, "../test-results");
const { check, fail, finish } = checks();

// ---- the Board server: its build output, content root = the sample folder (the widget just built by npm) ----
const dll = process.env.BOARD_DLL ?? ["Release", "Debug"].map((c) => join(sample, `bin/${c}/net10.0/Board.dll`)).find(existsSync);
if (!dll) throw new Error("Board.dll not found: run `dotnet build samples/Board -c Release` first (or set BOARD_DLL)");
const data = mkdtempSync(join(tmpdir(), "board-browser-"));
const free = () => new Promise((resolve) => { const s = createServer().listen(0, "127.0.0.1", () => { const { port } = s.address(); s.close(() => resolve(port)); }); });
const boardPort = await free();
const board = spawn("dotnet", [dll, "--urls", `http://127.0.0.1:${boardPort}`, "--contentRoot", sample], {
  // The database and the widget generations in the run's temporary folder, not the user's profile.
  env: {
    ...process.env, ASPNETCORE_ENVIRONMENT: "Development", Board__SqlitePath: join(data, "board.db"), ConnectionStrings__Board: "",
    Inlay__Widgets__GenerationsPath: join(data, "generations"), Logging__LogLevel__Default: "Warning",
  },
  stdio: ["ignore", "pipe", "pipe"],
});
// The server's log is printed only when a check fails (a refused move logs the tool's exception, as it should).
let boardLog = "";
for (const stream of [board.stdout, board.stderr]) stream.on("data", (chunk) => (boardLog += chunk));
const boardUrl = `http://127.0.0.1:${boardPort}`;

let nextId = 1;
/** One JSON-RPC request to the Board server's stateless MCP endpoint; the answer may be SSE-framed. */
async function mcp(method, params) {
  const response = await fetch(`${boardUrl}/mcp`, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json, text/event-stream" },
    body: JSON.stringify({ jsonrpc: "2.0", id: nextId++, method, params }),
  });
  const text = await response.text();
  const json = text.trimStart().startsWith("{") ? text : text.split("\n").find((l) => l.startsWith("data:"))?.slice(5);
  if (!json) throw new Error(`no JSON-RPC message from ${method} (${response.status}): ${text}`);
  return JSON.parse(json);
}
const callTool = async (name, args = {}) => (await mcp("tools/call", { name, arguments: args })).result;

for (let i = 0; ; i++) {
  try { if ((await fetch(`${boardUrl}/health`)).ok) break; } catch { /* not listening yet */ }
  if (i > 600 || board.exitCode !== null) throw new Error("the Board server did not start");
  await new Promise((r) => setTimeout(r, 100));
}

// ---- the host: host.html on one loopback port, the widget document on another (another origin, like a host's
// sandbox; the same site, so Chromium does not treat the frame's storage as third-party and block it) ----
const read = (await mcp("resources/read", { uri: "ui://widget/board.html" })).result.contents[0];
const csp = read._meta.ui.csp ?? {};
const sources = (list) => (list ?? []).join(" ");
const widgetCsp = [
  "default-src 'none'",
  `script-src 'unsafe-inline' ${sources(csp.resourceDomains)}`,
  `style-src 'unsafe-inline' ${sources(csp.resourceDomains)}`,
  `img-src data: ${sources(csp.resourceDomains)}`,
  `font-src ${sources(csp.resourceDomains)}`,
  `connect-src ${sources(csp.connectDomains) || "'none'"}`,
].join("; ");

/** What a host that sends its design tokens puts in hostContext.styles (?styles=1). */
const hostStyles = {
  variables: {
    "--color-background-secondary": "rgb(230, 240, 255)",
    "--color-background-primary": "rgb(255, 255, 240)",
    "--color-text-primary": "rgb(20, 30, 90)",
    "--color-border-danger": "rgb(200, 0, 120)",
    "--border-radius-md": "3px",
    "--font-sans": "\"DejaVu Serif\", serif",
  },
};
const hostPage = (theme, styles) => `<!doctype html><html><body style="margin:0;background:${theme === "dark" ? "#212121" : "#fff"}">
<iframe id="app" src="WIDGET_ORIGIN/widget.html" style="width:900px;height:560px;border:0"></iframe>
<script>
  window.hostLog = [];
  window.gate = null; // a promise tools/call answers wait for, so a test can look at the board before the server answers
  const frame = document.getElementById("app");
  const post = (m) => frame.contentWindow.postMessage({ jsonrpc: "2.0", ...m }, "*");
  const server = (body) => fetch("/mcp", { method: "POST", body: JSON.stringify(body) }).then((r) => r.json());
  window.addEventListener("message", async (e) => {
    if (e.source !== frame.contentWindow) return;
    const m = e.data; window.hostLog.push(m);
    if (m.method === "ui/initialize") post({ id: m.id, result: {
      protocolVersion: "2026-01-26", hostInfo: { name: "test-host", version: "1" },
      hostCapabilities: { serverTools: {}, updateModelContext: { structuredContent: {} } },
      hostContext: { theme: ${JSON.stringify(theme)}, ${styles ? `styles: ${JSON.stringify(styles)},` : ""} locale: "en-US", displayMode: "inline", availableDisplayModes: ["inline", "fullscreen"],
        containerDimensions: { width: 900, maxHeight: 560 }, toolInfo: { id: "call-1", tool: { name: "show_board" } } } } });
    if (m.method === "ui/notifications/initialized") {
      post({ method: "ui/notifications/tool-input", params: { arguments: {} } });
      const shown = await server({ method: "tools/call", params: { name: "show_board", arguments: {} } });
      post({ method: "ui/notifications/tool-result", params: shown.result });
    }
    if (m.method === "tools/call") {
      const answer = await server({ method: "tools/call", params: m.params });
      await window.gate;
      post({ id: m.id, ...(answer.error ? { error: answer.error } : { result: answer.result }) });
    }
    if (m.method === "ui/update-model-context" || m.method === "ui/message") post({ id: m.id, result: {} });
    if (m.method === "ui/request-display-mode") post({ id: m.id, result: { mode: m.params.mode } });
  });
</script></body></html>`;

const serve = async (req, res) => {
  const url = new URL(req.url, "http://localhost");
  if (url.pathname === "/favicon.ico") { res.writeHead(204); return res.end(); }
  if (url.pathname === "/host.html") {
    res.writeHead(200, { "content-type": "text/html" });
    const styles = url.searchParams.get("styles") ? hostStyles : undefined;
    return res.end(hostPage(url.searchParams.get("theme") ?? "light", styles).replace("WIDGET_ORIGIN", widgetOrigin));
  }
  if (url.pathname === "/widget.html") {
    res.writeHead(200, { "content-type": "text/html", "content-security-policy": widgetCsp });
    return res.end(read.text);
  }
  if (url.pathname === "/mcp" && req.method === "POST") {
    let body = "";
    for await (const chunk of req) body += chunk;
    const { method, params } = JSON.parse(body);
    res.writeHead(200, { "content-type": "application/json" });
    return res.end(JSON.stringify(await mcp(method, params)));
  }
  res.writeHead(404); res.end();
};
const host = createServer(serve);
const sandbox = createServer(serve);
await Promise.all([host, sandbox].map((s) => new Promise((resolve) => s.listen(0, "127.0.0.1", resolve))));
const hostPort = host.address().port;
const widgetOrigin = `http://127.0.0.1:${sandbox.address().port}`;

// ---- the board the widget opens on ----
const added = {};
for (const [title, column] of [["Write the release notes", "todo"], ["Review the widget", "doing"], ["Ship the Hello sample", "done"]]) {
  added[title] = (await callTool("add_task", { title, column })).structuredContent.task;
}
const columnOf = async (id) => (await callTool("show_board")).structuredContent.columns.find((c) => c.tasks.some((t) => t.id === id))?.id;

const browser = await launchChromium();
try {
  await mkdir(results, { recursive: true });
  const colors = {};
  for (const theme of ["light", "dark"]) {
    const page = await browser.newPage({ viewport: { width: 920, height: 580 } });
    const errors = pageErrors(page);
    await page.goto(`http://127.0.0.1:${hostPort}/host.html?theme=${theme}`);
    const widget = page.frameLocator("#app");
    const card = (title) => widget.locator("li[data-task-id]", { hasText: title });
    const cardColumn = (title) => card(title).evaluate((el) => el.closest("section").dataset.column);
    await card("Write the release notes").waitFor({ timeout: 20000 });
    const shown = Object.fromEntries(await Promise.all(Object.keys(added).map(async (title) => [title, await cardColumn(title)])));
    const stored = Object.fromEntries(await Promise.all(Object.entries(added).map(async ([title, task]) => [title, await columnOf(task.id)])));
    check(`${theme}: the board shows the server's cards in their columns`, JSON.stringify(shown) === JSON.stringify(stored), JSON.stringify(shown));
    const counts = await widget.locator("h2").allTextContents();
    check(`${theme}: three columns with their counts`, counts.length === 3 && /^To do \(\d\)$/.test(counts[0]), counts);
    colors[theme] = await widget.locator("h1").evaluate((el) => getComputedStyle(el).color);
    await page.screenshot({ path: join(results, `board-${theme}.png`) });

    if (theme === "light") {
      // A move by keyboard: Tab to the button, Enter; the focus ring shows, the move reaches the server.
      const moveRight = widget.getByRole("button", { name: 'Move "Write the release notes" to In progress' });
      await moveRight.focus();
      await page.keyboard.press("Tab");
      await page.keyboard.press("Shift+Tab");
      const ring = await moveRight.evaluate((el) => getComputedStyle(el).outlineStyle);
      check("a focused button shows a focus ring", ring !== "none", ring);
      await page.keyboard.press("Enter");
      await card("Write the release notes").and(widget.locator(":not([aria-busy])")).waitFor({ timeout: 10000 });
      check("a keyboard move shows the card in its new column", (await cardColumn("Write the release notes")) === "doing");
      check("the move round-tripped: the server has the card in In progress", (await columnOf(added["Write the release notes"].id)) === "doing");
      const focused = await widget.locator(":focus").getAttribute("aria-label");
      check("focus stays on the card's move button in its new column", focused === 'Move "Write the release notes" to Done', focused);

      // Someone else changes the card: the widget's next move sends a stale expectedVersion and is refused.
      const id = added["Review the widget"].id;
      await callTool("complete_task", { id });
      await page.evaluate(() => { window.gate = new Promise((resolve) => (window.release = resolve)); });
      await widget.getByRole("button", { name: 'Move "Review the widget" to To do' }).click();
      await card("Review the widget").and(widget.locator("[aria-busy=true]")).waitFor({ timeout: 5000 });
      check("the refused move shows at once, before the server answers", (await cardColumn("Review the widget")) === "todo");
      await page.screenshot({ path: join(results, "board-move-pending.png") });
      await page.evaluate(() => window.release());
      const error = widget.getByTestId("error");
      await error.waitFor({ timeout: 10000 });
      const message = (await error.textContent()) ?? "";
      check("the refusal shows the server's message", /changed by someone else/.test(message), message);
      check("the refused move is rolled back", (await cardColumn("Review the widget")) === "doing");
      await page.screenshot({ path: join(results, "board-move-refused.png") });
      await widget.getByRole("button", { name: "Reload board" }).click();
      await widget.getByTestId("error").waitFor({ state: "detached", timeout: 10000 });
      check("Reload board shows the server's current board", (await cardColumn("Review the widget")) === "done");

      // Drag and drop, for a pointer.
      await card("Ship the Hello sample").dragTo(widget.locator("section[data-column=todo]"));
      await page.waitForFunction(() => window.hostLog.filter((m) => m.method === "tools/call").length >= 4);
      await card("Ship the Hello sample").and(widget.locator(":not([aria-busy])")).waitFor({ timeout: 10000 });
      check("a card dragged to To do is moved there on the server", (await columnOf(added["Ship the Hello sample"].id)) === "todo");

      // The filter is widget state: it survives a reload of the widget.
      await widget.getByLabel("Filter tasks").selectOption("done");
      await page.waitForFunction(() => window.hostLog.some((m) => m.method === "ui/update-model-context"));
      await page.reload();
      await widget.locator("li[data-task-id]").first().waitFor({ timeout: 20000 });
      check("the filter is kept over a reload", (await widget.getByLabel("Filter tasks").inputValue()) === "done");
      check("the kept filter shows only done cards", (await widget.locator("li[data-task-id]").count()) === 1);
      await widget.getByLabel("Filter tasks").selectOption("all");

      await widget.getByRole("button", { name: "Summarize my board" }).click();
      await page.waitForFunction(() => window.hostLog.some((m) => m.method === "ui/message"));
      const sent = await page.evaluate(() => window.hostLog.find((m) => m.method === "ui/message").params);
      check("Summarize my board sends a follow-up message", sent.role === "user" && /Summarize my task board/.test(sent.content[0].text), JSON.stringify(sent));
    }
    check(`${theme}: no console errors`, errors.length === 0, errors.join(" | "));
    await page.close();
  }
  check("the dark theme restyles the board", colors.light !== colors.dark, `${colors.light} vs ${colors.dark}`);

  // The host's look: design tokens in hostContext.styles restyle the columns, the cards and the text.
  {
    const page = await browser.newPage({ viewport: { width: 920, height: 580 } });
    const errors = pageErrors(page);
    await page.goto(`http://127.0.0.1:${hostPort}/host.html?theme=light&styles=1`);
    const widget = page.frameLocator("#app");
    const style = (locator, property) => locator.evaluate((el, p) => getComputedStyle(el).getPropertyValue(p), property);
    const first = widget.locator("li[data-task-id]").first();
    await first.waitFor({ timeout: 20000 });
    const column = widget.locator("section[data-column=todo]");
    const v = hostStyles.variables;
    check("host styles: a column takes --color-background-secondary", (await style(column, "background-color")) === v["--color-background-secondary"], await style(column, "background-color"));
    check("host styles: a card takes --color-background-primary", (await style(first, "background-color")) === v["--color-background-primary"], await style(first, "background-color"));
    check("host styles: a card takes --border-radius-md", (await style(first, "border-top-left-radius")) === "3px", await style(first, "border-top-left-radius"));
    check("host styles: the title takes --color-text-primary", (await style(widget.locator("h1"), "color")) === v["--color-text-primary"], await style(widget.locator("h1"), "color"));
    const font = await style(widget.locator("h1"), "font-family");
    check("host styles: the text is in the host's --font-sans", font.startsWith('"DejaVu Serif"'), font);
    const title = (await first.locator("p").textContent()) ?? "";
    await widget.getByRole("button", { name: `Delete "${title}"` }).click();
    const confirm = widget.getByRole("button", { name: `Yes, delete "${title}"` });
    await confirm.waitFor({ timeout: 5000 });
    check("host styles: the delete confirmation has the host's --color-border-danger border", (await style(confirm, "border-top-color")) === v["--color-border-danger"], await style(confirm, "border-top-color"));
    await page.screenshot({ path: join(results, "board-host-styles.png") });
    await widget.getByRole("button", { name: `Keep "${title}"` }).click();
    await confirm.waitFor({ state: "detached", timeout: 5000 });
    check("host styles: no console errors", errors.length === 0, errors.join(" | "));
    await page.close();
  }
} catch (error) {
  fail(error);
} finally {
  await browser.close();
  host.close();
  sandbox.close();
  board.kill();
  await new Promise((resolve) => board.once("exit", resolve));
  rmSync(data, { recursive: true, force: true });
}
finish(() => console.log(`Board server log:\n${boardLog}`));
