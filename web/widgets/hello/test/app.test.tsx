import { act } from "react";
import { afterEach, describe, expect, it } from "vitest";
import { FakeHost, initializeResult, resetParent } from "../../../view/test/fake-host";
import { mount as mountNode, settle, unmount } from "../../../view/test/mount";
import { App, formatWhen } from "../src/App";

let container: HTMLElement;

/** Delivers a host notification inside act and lets React render it. */
async function notify(host: FakeHost, method: string, params: Record<string, unknown>): Promise<void> {
  await act(async () => host.notify(method, params));
  await settle();
}

async function mount(): Promise<void> {
  container = await mountNode(<App />);
}

afterEach(() => {
  unmount();
  resetParent();
  document.documentElement.classList.remove("dark");
});

const greeting = { message: "Bonjour, Ada !", name: "Ada", greetedAt: "2026-01-26T09:30:00Z", locale: "fr-FR" };

describe("greeting widget in an MCP Apps host", () => {
  it("shows the greeting, a locale-formatted time, the host's theme and a fullscreen button", async () => {
    const host = new FakeHost().install();
    let requested: unknown;
    host.handlers["ui/request-display-mode"] = (params) => ((requested = params.mode), { mode: "fullscreen" });
    await mount();
    await settle();
    host.notify("ui/notifications/tool-result", { structuredContent: greeting, content: [] });
    await settle();

    expect(container.querySelector("[data-testid=message]")?.textContent).toBe("Bonjour, Ada !");
    const time = container.querySelector("time")!;
    expect(time.getAttribute("datetime")).toBe(greeting.greetedAt);
    expect(time.textContent).toBe(formatWhen(new Date(greeting.greetedAt), "fr-FR"));
    expect(time.textContent).toContain("2026");
    expect(document.documentElement.classList.contains("dark")).toBe(true); // fake host: theme "dark"
    expect(container.textContent).not.toContain("Dev mode");

    const button = [...container.querySelectorAll("button")].find((b) => b.textContent === "Fullscreen")!;
    await act(async () => button.click());
    await settle();
    expect(requested).toBe("fullscreen");
    host.notify("ui/notifications/host-context-changed", { displayMode: "fullscreen", theme: "light" });
    await settle();
    expect(container.textContent).not.toContain("Fullscreen");
    expect(document.documentElement.classList.contains("dark")).toBe(false);
  });

  it("shows the tool's error text when the call failed", async () => {
    const host = new FakeHost().install();
    await mount();
    await settle();
    host.notify("ui/notifications/tool-result", {
      isError: true,
      content: [{ type: "text", text: "The name must be between 1 and 100 characters." }],
    });
    await settle();
    const alert = container.querySelector("[role=alert]")!;
    expect(alert.textContent).toContain("Could not show the greeting");
    expect(alert.textContent).toContain("between 1 and 100 characters");
  });

  it("catches a render error in the error boundary and offers a retry", async () => {
    const host = new FakeHost().install();
    host.handlers["ui/initialize"] = () => initializeResult();
    await mount();
    await settle();
    // React 18 reports the caught error on the console and as a window error event; the boundary is what is under test.
    const original = console.error;
    const swallow = (e: ErrorEvent) => e.preventDefault();
    console.error = () => undefined;
    window.addEventListener("error", swallow);
    try {
      host.notify("ui/notifications/tool-result", { structuredContent: { ...greeting, greetedAt: "not a date" } });
      await settle();
    } finally {
      console.error = original;
      window.removeEventListener("error", swallow);
    }
    const alert = container.querySelector("[role=alert]")!;
    expect(alert.textContent).toContain('"not a date" is not a date');
    expect(alert.querySelector("button")?.textContent).toBe("Try again");
    expect(host.posted.some((m) => m.method === "notifications/message")).toBe(true);
  });
});

describe("greeting widget while the model streams the tool's arguments", () => {
  const text = (id: string) => container.querySelector(`[data-testid=${id}]`)?.textContent ?? null;

  it("shows the name as it streams, then as called, ignores a stale partial, then shows the greeting", async () => {
    const host = new FakeHost().install();
    await mount();
    await settle();
    expect(container.textContent).toContain("Waiting for a greeting…");

    await notify(host, "ui/notifications/tool-input-partial", { arguments: { name: "A" } });
    expect(text("pending-name")).toBe("A");
    expect(container.querySelector("[data-testid=caret]")).not.toBeNull();
    expect(text("pending-status")).toBe("The name is still being written.");

    await notify(host, "ui/notifications/tool-input-partial", { arguments: { name: "Ada Lov" } });
    expect(text("pending-name")).toBe("Ada Lov");

    await notify(host, "ui/notifications/tool-input", { arguments: { name: "Ada Lovelace" } });
    expect(text("pending")).toBe("Greeting Ada Lovelace…");
    expect(container.querySelector("[data-testid=caret]")).toBeNull();
    expect(text("pending-status")).toBe("Waiting for the server's greeting.");

    await notify(host, "ui/notifications/tool-input-partial", { arguments: { name: "Ada" } }); // stale
    expect(text("pending")).toBe("Greeting Ada Lovelace…");

    await notify(host, "ui/notifications/tool-result", { structuredContent: { ...greeting, name: "Ada Lovelace" } });
    expect(text("message")).toBe("Bonjour, Ada !");
    expect(text("pending")).toBeNull();
  });

  it("keeps waiting while the partial arguments have no name yet", async () => {
    const host = new FakeHost().install();
    await mount();
    await settle();
    await notify(host, "ui/notifications/tool-input-partial", { arguments: {} });
    expect(text("pending")).toBeNull();
    expect(container.textContent).toContain("Waiting for a greeting…");
  });
});

describe("greeting widget in the host's look", () => {
  it("puts the host's variables on :root, where the widget's colour tokens read them", async () => {
    const host = new FakeHost().install();
    host.handlers["ui/initialize"] = () =>
      initializeResult({
        hostContext: { theme: "light", styles: { variables: { "--color-text-primary": "rgb(1, 2, 3)" } } },
      });
    await mount();
    await settle();
    const rule = (document.getElementById("inlay-host-styles") as HTMLStyleElement).sheet!.cssRules[0] as CSSStyleRule;
    expect(rule.style.getPropertyValue("--color-text-primary")).toBe("rgb(1, 2, 3)");
    expect(container.querySelector("main")!.className).toContain("text-fg"); // text-fg = var(--color-text-primary, …)
    await notify(host, "ui/notifications/host-context-changed", { styles: { variables: { "--color-text-primary": "rgb(4, 5, 6)" } } });
    const next = (document.getElementById("inlay-host-styles") as HTMLStyleElement).sheet!.cssRules[0] as CSSStyleRule;
    expect(next.style.getPropertyValue("--color-text-primary")).toBe("rgb(4, 5, 6)");
  });
});

describe("greeting widget outside a host", () => {
  it("shows the dev-mode banner and sample data", async () => {
    await mount();
    expect(container.textContent).toContain("Dev mode: no host detected");
    expect(container.querySelector("[data-testid=message]")?.textContent).toBe("Hello, Ada!");
  });
});
