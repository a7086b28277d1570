// The standalone script installs itself on load; it gets its own file because its patches stay in place.
import { expect, it, vi } from "vitest";
import { FakeHost } from "./fake-host";

it("installs from the page's meta tag when loaded in a foreign-origin iframe", async () => {
  const fetchMock = vi.fn(async () => new Response("ok"));
  window.fetch = fetchMock as unknown as typeof fetch;
  new FakeHost().install();
  document.head.innerHTML = '<meta name="inlay-base-url" content="https://app.example/">';
  document.documentElement.setAttribute("lang", "en");

  await import("../src/bootstrap/iife");

  await window.fetch("/api/ping");
  expect(fetchMock).toHaveBeenCalledWith("https://app.example/api/ping", { mode: "cors" });
  expect(document.querySelector("base")!.href).toBe("https://app.example/");
  history.pushState(null, "", "/second-page");
  expect(location.pathname).toBe("/second-page");
  document.documentElement.setAttribute("lang", "xx");
  await new Promise((r) => setTimeout(r, 0));
  expect(document.documentElement.getAttribute("lang")).toBe("en");
});
