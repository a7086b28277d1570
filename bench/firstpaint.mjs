// Widget first paint in the dev host: opens an app's /_inlay/ in Debian's Chromium, calls a tool through the form
// RUNS times and, for each call, reads the widget document's first-contentful-paint (PerformanceObserver) against the
// host page's User Timing marks: "inlay:tool-call" (the Call press: tools/call + resources/read + sandbox + render)
// and "inlay:widget-html-sent" (the HTML handed to the sandbox: frame, assets, render). Prints medians and p90s as JSON.
//
//   node bench/firstpaint.mjs http://127.0.0.1:5000/ greet_user name=Ada
import { chromium } from "../web/node_modules/playwright-core/index.mjs";

const [base = "http://127.0.0.1:5000/", tool = "greet_user", ...pairs] = process.argv.slice(2);
const runs = Number(process.env.RUNS ?? 10);
const mode = process.env.MODE ?? "apps";
const args = Object.fromEntries(pairs.map((p) => p.split("=")));

const browser = await chromium.launch({ executablePath: process.env.INLAY_CHROMIUM ?? "/usr/bin/chromium", args: ["--no-sandbox"] });
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(new URL(`/_inlay/?mode=${mode}`, base).toString());
  await page.locator(`[data-tool="${tool}"]`).click();
  for (const [name, value] of Object.entries(args)) await page.fill(`#arg-${name}`, value);

  const fromCall = [];
  const fromHtml = [];
  for (let i = 0; i < runs; i++) {
    const before = await page.locator("main.stage").getAttribute("data-call");
    await page.locator("form.tool-form button[type=submit]").click();
    await page.waitForFunction((b) => document.querySelector("main.stage")?.dataset.call !== b, before);
    const widget = page.frameLocator('[data-testid="widget-frame"]').frameLocator("iframe");
    const paintedAt = await widget.locator("body").evaluate(
      () =>
        new Promise((resolve) => {
          const done = (entry) => resolve(performance.timeOrigin + entry.startTime);
          const seen = performance.getEntriesByName("first-contentful-paint")[0];
          if (seen) return done(seen);
          new PerformanceObserver((list) => {
            const fcp = list.getEntries().find((e) => e.name === "first-contentful-paint");
            if (fcp) done(fcp);
          }).observe({ type: "paint", buffered: true });
        }),
    );
    const marks = await page.evaluate(() => {
      const last = (name) => performance.getEntriesByName(name).at(-1);
      return { call: performance.timeOrigin + last("inlay:tool-call").startTime, html: performance.timeOrigin + last("inlay:widget-html-sent").startTime };
    });
    fromCall.push(paintedAt - marks.call);
    fromHtml.push(paintedAt - marks.html);
  }
  const stats = (xs) => {
    const s = [...xs].sort((a, b) => a - b);
    const at = (q) => s[Math.min(s.length - 1, Math.floor(q * s.length))];
    return { median: Math.round(at(0.5)), p90: Math.round(at(0.9)), min: Math.round(s[0]), max: Math.round(s.at(-1)) };
  };
  console.log(JSON.stringify({ tool, mode, runs, toolCallToFirstPaintMs: stats(fromCall), htmlToFirstPaintMs: stats(fromHtml) }, null, 2));
} finally {
  await browser.close();
}
