/**
 * Mounting a widget in a test: React's act environment, one root in a fresh container, and the page-wide InlayApp
 * destroyed on unmount, so each test starts with a new runtime (a new handshake, widget state read again).
 */
import { act, type ReactNode } from "react";
import { createRoot, type Root } from "react-dom/client";
import { createInlayApp } from "../src/app";
import { tick } from "./fake-host";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | null = null;
let current: HTMLElement | null = null;

/** Lets pending bridge messages and timers run, inside act. */
export async function settle(): Promise<void> {
  await act(async () => {
    await tick();
    await tick();
  });
}

/** Renders `node` into a new container; the handshake's answer (a fake host's) is applied inside the same act. */
export async function mount(node: ReactNode): Promise<HTMLElement> {
  const container = (current = document.createElement("div"));
  document.body.append(container);
  root = createRoot(container);
  await act(async () => {
    root!.render(node);
    await tick();
    await tick();
  });
  return container;
}

/** Unmounts, removes the container and destroys the page's InlayApp. */
export function unmount(): void {
  act(() => root?.unmount());
  root = null;
  current?.remove();
  current = null;
  createInlayApp().destroy();
}
