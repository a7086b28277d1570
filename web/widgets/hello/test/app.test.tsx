import { act } from "react";
import { afterEach, describe, expect, it } from "vitest";
import { FakeHost, initializeResult, resetParent } from "../../../view/test/fake-host";
import { mount as mountNode, settle, unmount } from "../../../view/test/mount";
import { App, formatWhen } from "../src/App";

let container: HTMLElement;

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

describe("greeting widget outside a host", () => {
  it("shows the dev-mode banner and sample data", async () => {
    await mount();
    expect(container.textContent).toContain("Dev mode: no host detected");
    expect(container.querySelector("[data-testid=message]")?.textContent).toBe("Hello, Ada!");
  });
});
