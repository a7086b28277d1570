// What the widgets' real-browser tests share: Debian's Chromium through playwright-core, a TAP-like report of named
// checks, and a page's errors (console errors, uncaught exceptions, HTTP responses of 400 and over).
import { chromium } from "playwright-core";

/** Debian's Chromium, headless, without the background traffic a test does not want. */
export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

/** Named checks, printed as they run; `finish(onFailure?)` prints the totals and exits 1 when any failed. */
export function checks() {
  let passed = 0;
  const failures = [];
  const check = (name, ok, detail = "") => {
    if (ok) {
      passed++;
      console.log(`ok - ${name}`);
    } else {
      failures.push(name);
      console.log(`not ok - ${name} ${detail}`);
    }
  };
  const fail = (error) => check(String(error?.stack ?? error), false);
  const finish = (onFailure) => {
    if (failures.length) onFailure?.();
    console.log(`${passed} passed, ${failures.length} failed`);
    process.exit(failures.length === 0 ? 0 : 1);
  };
  return { check, fail, finish };
}

/** Collects what went wrong on a page (and its frames) while a test drives it. */
export function pageErrors(page) {
  const errors = [];
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("response", (r) => { if (r.status() >= 400) errors.push(`${r.status()} ${r.url()}`); });
  return errors;
}
