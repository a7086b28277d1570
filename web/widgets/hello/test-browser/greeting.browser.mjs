// Renders the built greeting widget in Debian's Chromium inside a minimal MCP Apps host page (the ui/* handshake,
// then a tool result), and checks what a person would see: the greeting, the host-locale timestamp, the fullscreen
// button and both themes; the host's look (style variables and a font from hostContext.styles, changed with
// host-context-changed); ChatGPT's look derived from window.openai.theme; and the name shown while the model streams
// the tool's arguments (tool-input-partial). Screenshots go to test-results/. Any console error fails the run.
import { createServer } from "node:http";
import { readFile, mkdir } from "node:fs/promises";
import { extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import { checks, launchChromium, pageErrors } from "../../../scripts/browser-check.mjs";

const here = fileURLToPath(new URL(".", import.meta.url));
const dist = normalize(join(here, "../../../../samples/Hello/widgets/greeting/dist"));
const results = join(here, "../test-results");
const types = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".json": "application/json" };

// ?theme=light|dark; ?styles=1: the host sends style variables and a font; ?stream=1: the host streams the name and
// waits for the test (window.send) before the complete input and the result; ?silent=1: no tool data at all.
const hostPage = `<!doctype html><html><body style="margin:0">
<iframe id="app" src="/widget/index.html" style="width:640px;height:320px;border:0"></iframe>
<script>
  const query = new URLSearchParams(location.search);
  const theme = query.get("theme") || "light";
  window.hostLog = [];
  const frame = document.getElementById("app");
  const post = (m) => frame.contentWindow.postMessage({ jsonrpc: "2.0", ...m }, "*");
  window.send = (method, params) => post({ method, params });
  const styles = query.get("styles") ? {
    variables: {
      "--color-text-primary": "rgb(10, 110, 60)",
      "--color-background-secondary": "rgb(255, 240, 200)",
      "--border-radius-xl": "2px",
      "--font-sans": '"Host Test Serif", serif',
      "--color-text-secondary": "red; } main { display: none", // malformed: ignored by @inlay/view
    },
    css: { fonts: '@font-face { font-family: "Host Test Serif"; src: local("DejaVu Serif"); } main { display: none; }' },
  } : undefined;
  const result = window.result = { content: [{ type: "text", text: "Greeted Ada." }],
    structuredContent: { message: "Hello, Ada!", name: "Ada", greetedAt: "2026-01-26T09:30:00Z", locale: null } };
  window.finish = () => {
    send("ui/notifications/tool-input", { arguments: { name: "Ada" } });
    send("ui/notifications/tool-result", result);
  };
  window.addEventListener("message", (e) => {
    if (e.source !== frame.contentWindow) return;
    const m = e.data; window.hostLog.push(m.method ?? "response");
    if (m.method === "ui/initialize") post({ id: m.id, result: {
      protocolVersion: "2026-01-26", hostInfo: { name: "test-host", version: "1" },
      hostCapabilities: { openLinks: {}, serverTools: {} },
      hostContext: { theme, styles, locale: "fr-FR", displayMode: "inline", availableDisplayModes: ["inline", "fullscreen"] } } });
    if (m.method === "ui/notifications/initialized") {
      if (query.get("stream")) send("ui/notifications/tool-input-partial", { arguments: { name: "Ad" } });
      else if (!query.get("silent")) finish();
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

/** Opens the host page with `query`; returns the page, the widget frame and the page's errors. */
async function open(query, init, arg) {
  const page = await browser.newPage({ viewport: { width: 660, height: 340 } });
  if (init) await page.addInitScript(init, arg);
  const errors = pageErrors(page);
  await page.goto(`${base}/host.html?${query}`);
  return { page, widget: page.frameLocator("#app"), errors };
}
const computed = (locator, property) => locator.evaluate((el, p) => getComputedStyle(el).getPropertyValue(p), property);
/** The card around the greeting: the closest <section>. */
const cardOf = (message) => message.locator("xpath=ancestor::section[1]");

try {
  await mkdir(results, { recursive: true });

  // ---- no host styles: the widget's own look in both themes ----
  const colors = {};
  const own = {}; // the widget's own colours per theme, what a host that sends no variables gets
  for (const theme of ["light", "dark"]) {
    const { page, widget, errors } = await open(`theme=${theme}`);
    const message = widget.getByTestId("message");
    await message.waitFor({ timeout: 15000 });
    check(`${theme}: the greeting from the tool result is shown`, (await message.textContent()) === "Hello, Ada!");
    const body = await widget.locator("main").textContent();
    check(`${theme}: the timestamp is formatted in the host's locale (fr-FR)`, /janv\.?|janvier/.test(body ?? ""), body);
    check(`${theme}: no dev-mode banner inside a host`, !(body ?? "").includes("Dev mode"));
    const fullscreen = widget.getByRole("button", { name: "Fullscreen" });
    check(`${theme}: a fullscreen button while inline`, await fullscreen.isVisible());
    colors[theme] = await computed(message, "color");
    own[theme] = { card: await computed(cardOf(message), "background-color"), muted: await computed(widget.getByTestId("when"), "color") };
    check(`${theme}: no host style sheet is written`, (await widget.locator("#inlay-host-styles").count()) === 0);
    await page.screenshot({ path: join(results, `greeting-${theme}.png`) });
    await fullscreen.click();
    await page.waitForFunction(() => window.hostLog.includes("ui/request-display-mode"));
    await widget.getByRole("button", { name: "Fullscreen" }).waitFor({ state: "detached", timeout: 5000 });
    check(`${theme}: fullscreen was requested and the button is gone once granted`, true);
    check(`${theme}: no console errors`, errors.length === 0, errors.join(" | "));
    await page.close();
  }
  check("the dark theme restyles the text", colors.light !== colors.dark, `${colors.light} vs ${colors.dark}`);

  // ---- the host's look: variables and a font from hostContext.styles, then host-context-changed ----
  {
    const { page, widget, errors } = await open("theme=light&styles=1");
    const message = widget.getByTestId("message");
    await message.waitFor({ timeout: 15000 });
    check("host styles: the host's --color-text-primary colours the greeting", (await computed(message, "color")) === "rgb(10, 110, 60)", await computed(message, "color"));
    const card = cardOf(message);
    check("host styles: the host's --color-background-secondary colours the card", (await computed(card, "background-color")) === "rgb(255, 240, 200)", await computed(card, "background-color"));
    check("host styles: the host's --border-radius-xl rounds the card", (await computed(card, "border-top-left-radius")) === "2px", await computed(card, "border-top-left-radius"));
    const font = await computed(widget.locator("main"), "font-family");
    check("host styles: the host's --font-sans is the widget's font", font.startsWith('"Host Test Serif"'), font);
    const loaded = await message.evaluate(async () => {
      await document.fonts.ready;
      return document.fonts.check('16px "Host Test Serif"') && [...document.fonts].some((f) => f.family.includes("Host Test Serif") && f.status === "loaded");
    });
    check("host styles: the host's @font-face from styles.css.fonts is loaded", loaded);
    check("host styles: the malformed variable and the non-font rule did not hide anything", await widget.locator("main").isVisible());
    const muted = await computed(widget.getByTestId("when"), "color");
    check("host styles: the malformed --color-text-secondary is ignored (the widget's own muted colour)", muted === own.light.muted, `${muted} vs ${own.light.muted}`);
    await page.screenshot({ path: join(results, "greeting-host-styles.png") });

    await page.evaluate(() =>
      window.send("ui/notifications/host-context-changed", {
        theme: "dark",
        styles: { variables: { "--color-text-primary": "light-dark(rgb(0, 0, 0), rgb(200, 180, 255))" } },
      }),
    );
    await page.waitForFunction(() =>
      getComputedStyle(document.getElementById("app").contentDocument.querySelector("[data-testid=message]")).color === "rgb(200, 180, 255)",
      null, { timeout: 5000 },
    ).then(() => check("host-context-changed: the new variable (light-dark(), dark theme) recolours the greeting", true),
      async () => check("host-context-changed: the new variable (light-dark(), dark theme) recolours the greeting", false, await computed(message, "color")));
    const after = await computed(cardOf(message), "background-color");
    check("host-context-changed: a variable the host dropped falls back to the widget's own (dark) colour", after === own.dark.card, `${after} vs ${own.dark.card}`);
    const fontAfter = await computed(widget.locator("main"), "font-family");
    check("host-context-changed: without fonts the host font is gone", !fontAfter.includes("Host Test Serif"), fontAfter);
    await page.screenshot({ path: join(results, "greeting-host-styles-changed.png") });
    check("host styles: no console errors", errors.length === 0, errors.join(" | "));
    await page.close();
  }

  // ---- ChatGPT: window.openai has a theme and no tokens; @inlay/view derives them ----
  for (const theme of ["light", "dark"]) {
    const openai = (t) => {
      if (window === window.top) return;
      window.openai = {
        theme: t, locale: "en-US", displayMode: "inline", maxHeight: 400, toolInput: { name: "Ada" },
        toolOutput: { message: "Hello, Ada!", name: "Ada", greetedAt: "2026-01-26T09:30:00Z", locale: null },
        toolResponseMetadata: null, widgetState: null,
      };
    };
    const { page, widget, errors } = await open(`theme=${theme}&silent=1`, openai, theme);
    const message = widget.getByTestId("message");
    await message.waitFor({ timeout: 15000 });
    const color = await computed(message, "color");
    const card = await computed(cardOf(message), "background-color");
    const expected = theme === "light" ? ["rgb(13, 13, 13)", "rgb(249, 249, 249)"] : ["rgb(255, 255, 255)", "rgb(24, 24, 24)"];
    check(`ChatGPT ${theme}: the text takes the palette's --color-text-primary`, color === expected[0], color);
    check(`ChatGPT ${theme}: the card takes the palette's --color-background-secondary`, card === expected[1], card);
    await page.screenshot({ path: join(results, `greeting-chatgpt-${theme}.png`) });
    check(`ChatGPT ${theme}: no console errors`, errors.length === 0, errors.join(" | "));
    await page.close();
  }

  // ---- streamed arguments: the name while the model writes it, then the greeting ----
  {
    const { page, widget, errors } = await open("theme=light&stream=1");
    const name = widget.getByTestId("pending-name");
    await name.waitFor({ timeout: 15000 });
    check("streaming: the partial name is shown", (await name.textContent()) === "Ad");
    check("streaming: a caret shows the name is still being written", await widget.getByTestId("caret").isVisible());
    check("streaming: the status says so", (await widget.getByTestId("pending-status").textContent()) === "The name is still being written.");
    await page.screenshot({ path: join(results, "greeting-streaming.png") });

    await page.evaluate(() => window.send("ui/notifications/tool-input-partial", { arguments: { name: "Ada Love" } }));
    await widget.getByText("Ada Love", { exact: true }).waitFor({ timeout: 5000 });
    check("streaming: the name grows with the next partial", (await name.textContent()) === "Ada Love");
    await page.evaluate(() => window.send("ui/notifications/tool-input", { arguments: { name: "Ada Lovelace" } }));
    await widget.getByTestId("caret").waitFor({ state: "detached", timeout: 5000 });
    check("streaming: the complete name, no caret, once tool-input arrives", (await widget.getByTestId("pending").textContent()) === "Greeting Ada Lovelace…");
    check("streaming: then the widget waits for the server", (await widget.getByTestId("pending-status").textContent()) === "Waiting for the server's greeting.");
    await page.evaluate(() => window.send("ui/notifications/tool-input-partial", { arguments: { name: "Ad" } }));
    await page.waitForTimeout(100);
    check("streaming: a stale partial after tool-input changes nothing", (await name.textContent()) === "Ada Lovelace");
    await page.screenshot({ path: join(results, "greeting-streamed-input.png") });
    await page.evaluate(() => window.send("ui/notifications/tool-result", window.result));
    const message = widget.getByTestId("message");
    await message.waitFor({ timeout: 5000 });
    check("streaming: the greeting replaces the pending name once the result arrives", (await message.textContent()) === "Hello, Ada!");
    check("streaming: no pending name is left", (await widget.getByTestId("pending").count()) === 0);
    check("streaming: no console errors", errors.length === 0, errors.join(" | "));
    await page.close();
  }
} catch (error) {
  fail(error);
} finally {
  await browser.close();
  server.close();
}
finish();
