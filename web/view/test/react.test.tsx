import { act, cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { StrictMode, useEffect } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createInlayApp } from "../src/app";
import {
  DevModeBanner,
  DevModeFallback,
  ErrorBoundary,
  useCallTool,
  useDisplayMode,
  useHostStyles,
  useLocale,
  useMaxHeight,
  useOpenAIGlobal,
  useOpenExternal,
  useRequestDisplayMode,
  useSafeArea,
  useSendMessage,
  useTheme,
  useToolData,
  useToolInput,
  useToolInputPartial,
  useToolOutput,
  useToolResponseMetadata,
  useUserAgent,
  useWidgetProps,
  useWidgetState,
} from "../src/react";
import { chatGptStyleVariables } from "../src/host-styles";
import { FakeHost, initializeResult, installOpenAi, removeOpenAi, resetParent, setGlobals, tick } from "./fake-host";

afterEach(() => {
  cleanup();
  createInlayApp().destroy();
  removeOpenAi();
  resetParent();
  localStorage.clear();
});

const json = (v: unknown) => JSON.stringify(v ?? null);

function Probe() {
  const values = {
    output: useToolOutput(),
    props: useWidgetProps(),
    data: useToolData(),
    input: useToolInput(),
    meta: useToolResponseMetadata(),
    mode: useDisplayMode(),
    maxHeight: useMaxHeight(),
    theme: useTheme(),
    locale: useLocale(),
    safeArea: useSafeArea(),
    userAgent: useUserAgent(),
    globalTheme: useOpenAIGlobal("theme"),
    streaming: useToolInputPartial(),
  };
  return (
    <dl>
      {Object.entries(values).map(([k, v]) => (
        <dd key={k} data-testid={k}>
          {json(v)}
        </dd>
      ))}
    </dl>
  );
}
const text = (id: string) => screen.getByTestId(id).textContent;

function mcpHost(): FakeHost {
  const host = new FakeHost().install();
  for (const m of ["tools/call", "ui/message", "ui/open-link", "ui/update-model-context"]) host.handlers[m] = () => ({});
  host.handlers["ui/request-display-mode"] = (p) => ({ mode: p.mode });
  return host;
}
const initialized = (host: FakeHost) => host.next("ui/notifications/initialized");

describe("hooks in an MCP Apps host", () => {
  it("render the host context and the tool data, and follow changes", async () => {
    const host = mcpHost();
    render(<Probe />);
    await initialized(host);
    await waitFor(() => expect(text("theme")).toBe('"dark"'));
    expect(text("locale")).toBe('"fr-FR"');
    expect(text("mode")).toBe('"inline"');
    expect(text("maxHeight")).toBe("600");
    expect(text("safeArea")).toBe(json({ insets: { top: 1, right: 2, bottom: 3, left: 4 } }));
    expect(JSON.parse(text("userAgent")!)).toMatchObject({ device: { type: "desktop" }, host: "fake-host/1.0" });
    expect(text("globalTheme")).toBe('"dark"');
    expect(text("output")).toBe("null");

    act(() => host.notify("ui/notifications/tool-input-partial", { arguments: { cartId: "c" } }));
    expect(text("input")).toBe("null");
    expect(text("streaming")).toBe(json({ input: { cartId: "c" }, partial: true }));
    act(() => host.notify("ui/notifications/tool-input", { arguments: { cartId: "c_42" } }));
    expect(text("input")).toBe(json({ cartId: "c_42" }));
    expect(text("streaming")).toBe(json({ input: { cartId: "c_42" }, partial: false }));
    act(() =>
      host.notify("ui/notifications/tool-result", {
        structuredContent: { items: ["pz-1"] },
        _meta: { "openai/widgetSessionId": "s1" },
      }),
    );
    for (const id of ["output", "props", "data"]) expect(text(id)).toBe(json({ items: ["pz-1"] }));
    expect(text("meta")).toBe(json({ "openai/widgetSessionId": "s1" }));

    act(() => host.notify("ui/notifications/host-context-changed", { theme: "light", displayMode: "fullscreen" }));
    expect(text("theme")).toBe('"light"');
    expect(text("globalTheme")).toBe('"light"');
    expect(text("mode")).toBe('"fullscreen"');
    expect(text("locale")).toBe('"fr-FR"');
  });

  it("open one connection under StrictMode's double mount and remounts", async () => {
    const host = mcpHost();
    const { unmount } = render(
      <StrictMode>
        <Probe />
        <Probe />
      </StrictMode>,
    );
    await initialized(host);
    unmount();
    render(
      <StrictMode>
        <Probe />
      </StrictMode>,
    );
    await tick(5);
    expect(host.of("ui/initialize")).toHaveLength(1);
    expect(host.of("ui/notifications/initialized")).toHaveLength(1);
  });

  it("useWidgetState works like useState and persists through the host", async () => {
    const host = mcpHost();
    function Counter() {
      const [state, setState] = useWidgetState({ count: 0 });
      return (
        <button type="button" onClick={() => setState((s) => ({ count: s.count + 1 }))}>
          {state.count}
        </button>
      );
    }
    render(<Counter />);
    await initialized(host);
    const button = screen.getByRole("button");
    expect(button.textContent).toBe("0");
    fireEvent.click(button);
    fireEvent.click(button);
    expect(button.textContent).toBe("2");
    await waitFor(() => expect(host.of("ui/update-model-context")).toHaveLength(2));
    expect(host.of("ui/update-model-context")[1]!.params).toEqual({ structuredContent: { count: 2 } });
    expect(localStorage.getItem("inlay:widget-state:17")).toBe('{"count":2}');
  });

  it("useWidgetState without an initial value starts null and accepts plain values", async () => {
    mcpHost();
    let set: ((v: string | null) => void) | undefined;
    function Note() {
      const [note, setNote] = useWidgetState<string>();
      set = setNote;
      return <p>{note ?? "empty"}</p>;
    }
    render(<Note />);
    expect(screen.getByText("empty")).toBeTruthy();
    act(() => set!("hello"));
    expect(screen.getByText("hello")).toBeTruthy();
  });

  it("action hooks send the right bridge requests", async () => {
    const host = mcpHost();
    const modes: string[] = [];
    function Actions() {
      const callTool = useCallTool();
      const send = useSendMessage();
      const open = useOpenExternal();
      const requestMode = useRequestDisplayMode();
      return (
        <>
          <button type="button" onClick={() => void callTool("refresh", { id: 1 })}>
            call
          </button>
          <button type="button" onClick={() => void send("Tell me more")}>
            send
          </button>
          <button type="button" onClick={() => void open("https://example.com")}>
            open
          </button>
          <button type="button" onClick={() => void requestMode("fullscreen").then((m) => modes.push(m))}>
            mode
          </button>
        </>
      );
    }
    render(<Actions />);
    for (const name of ["call", "send", "open", "mode"]) fireEvent.click(screen.getByText(name));
    await waitFor(() => expect(modes).toEqual(["fullscreen"]));
    expect(host.of("tools/call")[0]!.params).toEqual({ name: "refresh", arguments: { id: 1 } });
    expect(host.of("ui/message")[0]!.params).toEqual({ role: "user", content: [{ type: "text", text: "Tell me more" }] });
    expect(host.of("ui/open-link")[0]!.params).toEqual({ url: "https://example.com" });
    expect(host.of("ui/request-display-mode")[0]!.params).toEqual({ mode: "fullscreen" });
  });

  it("useToolInputPartial renders streamed arguments, then the complete ones, and keeps its identity", async () => {
    const host = mcpHost();
    const seen: unknown[] = [];
    function Title() {
      const streaming = useToolInputPartial<{ title: string }>();
      seen.push(streaming);
      return <p data-testid="title">{`${streaming.input?.title ?? "-"}${streaming.partial ? "…" : ""}`}</p>;
    }
    const { rerender } = render(<Title />);
    await initialized(host);
    expect(text("title")).toBe("-");
    act(() => host.notify("ui/notifications/tool-input-partial", { arguments: { title: "Bu" } }));
    expect(text("title")).toBe("Bu…");
    act(() => host.notify("ui/notifications/tool-input-partial", { arguments: { title: "Buy mi" } }));
    expect(text("title")).toBe("Buy mi…");
    act(() => host.notify("ui/notifications/tool-input", { arguments: { title: "Buy milk" } }));
    expect(text("title")).toBe("Buy milk");
    act(() => host.notify("ui/notifications/tool-input-partial", { arguments: { title: "Bu" } }));
    expect(text("title")).toBe("Buy milk");
    const last = seen.at(-1);
    rerender(<Title />);
    expect(seen.at(-1)).toBe(last);
  });

  it("useHostStyles returns the applied variables and whether the host supplied them", async () => {
    const host = new FakeHost().install();
    host.handlers["ui/initialize"] = () =>
      initializeResult({ hostContext: { theme: "light", styles: { variables: { "--color-text-primary": "#111" } } } });
    function Styles() {
      return <p data-testid="styles">{json(useHostStyles())}</p>;
    }
    render(<Styles />);
    expect(text("styles")).toBe(json({ variables: {}, fromHost: false, fonts: null }));
    await initialized(host);
    await waitFor(() =>
      expect(text("styles")).toBe(json({ variables: { "--color-text-primary": "#111" }, fromHost: true, fonts: null })),
    );
    act(() =>
      host.notify("ui/notifications/host-context-changed", {
        styles: { variables: { "--color-text-primary": "#eee" }, css: { fonts: "@import url(a.css);" } },
      }),
    );
    expect(text("styles")).toBe(
      json({ variables: { "--color-text-primary": "#eee" }, fromHost: true, fonts: "@import url(a.css);" }),
    );
  });

  it("action hooks return stable functions", () => {
    mcpHost();
    const seen = new Set<unknown>();
    function Stable() {
      const fns = [useCallTool(), useSendMessage(), useOpenExternal(), useRequestDisplayMode()];
      useEffect(() => {
        fns.forEach((f) => seen.add(f));
      });
      return null;
    }
    const { rerender } = render(<Stable />);
    rerender(<Stable />);
    expect(seen.size).toBe(4);
  });
});

describe("hooks in ChatGPT", () => {
  it("read window.openai globals and follow openai:set_globals", () => {
    installOpenAi();
    render(<Probe />);
    expect(text("theme")).toBe('"light"');
    expect(text("maxHeight")).toBe("480");
    expect(text("output")).toBe(json({ items: [1, 2] }));
    expect(text("input")).toBe(json({ q: "pizza" }));
    expect(text("meta")).toBe(json({ "openai/widgetSessionId": "ws_1" }));
    expect(text("safeArea")).toBe(json({ insets: { top: 0, right: 0, bottom: 20, left: 0 } }));
    expect(JSON.parse(text("userAgent")!)).toMatchObject({ device: { type: "mobile" } });
    act(() => setGlobals({ theme: "dark", displayMode: "pip", toolOutput: { items: [] } }));
    expect(text("theme")).toBe('"dark"');
    expect(text("globalTheme")).toBe('"dark"');
    expect(text("mode")).toBe('"pip"');
    expect(text("output")).toBe(json({ items: [] }));
  });

  it("useWidgetState goes through window.openai.setWidgetState", () => {
    const oa = installOpenAi({ widgetState: { count: 5 } });
    function Counter() {
      const [state, setState] = useWidgetState({ count: 0 });
      return (
        <button type="button" onClick={() => setState({ count: state.count + 1 })}>
          {state.count}
        </button>
      );
    }
    render(<Counter />);
    const button = screen.getByRole("button");
    expect(button.textContent).toBe("5");
    fireEvent.click(button);
    expect(oa.setWidgetState).toHaveBeenCalledWith({ count: 6 });
    expect(button.textContent).toBe("6");
  });

  it("useHostStyles returns the palette derived from the theme, not from the host", () => {
    installOpenAi({ theme: "light" });
    function Styles() {
      const { variables, fromHost } = useHostStyles();
      return <p data-testid="styles">{json({ bg: variables["--color-background-primary"], fromHost })}</p>;
    }
    render(<Styles />);
    expect(text("styles")).toBe(json({ bg: chatGptStyleVariables("light")["--color-background-primary"], fromHost: false }));
    act(() => setGlobals({ theme: "dark" }));
    expect(text("styles")).toBe(json({ bg: "#212121", fromHost: false }));
  });

  it("useOpenAIGlobal reads view", () => {
    installOpenAi({ view: { mode: "modal", params: { id: 3 } } });
    function View() {
      return <p>{json(useOpenAIGlobal("view"))}</p>;
    }
    render(<View />);
    expect(screen.getByText(json({ mode: "modal", params: { id: 3 } }))).toBeTruthy();
  });
});

describe("ErrorBoundary", () => {
  function Boom(): never {
    throw new Error("kaboom");
  }

  it("renders the message and logs it to the host", async () => {
    const host = mcpHost();
    await createInlayApp().connect();
    vi.spyOn(console, "error").mockImplementation(() => {});
    render(
      <ErrorBoundary>
        <Boom />
      </ErrorBoundary>,
    );
    expect(screen.getByRole("alert").textContent).toContain("Something went wrong: kaboom");
    const log = host.of("notifications/message")[0]!;
    expect(log.params).toMatchObject({ level: "error", data: { message: "kaboom" } });
    expect(log.params!.data.stack).toContain("kaboom");
  });

  it("takes a fallback render function with a reset", () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    let fail = true;
    function Maybe() {
      if (fail) throw new Error("first try");
      return <p>recovered</p>;
    }
    render(
      <ErrorBoundary
        fallback={(error, reset) => (
          <button type="button" onClick={reset}>
            retry after {error.message}
          </button>
        )}
      >
        <Maybe />
      </ErrorBoundary>,
    );
    fail = false;
    fireEvent.click(screen.getByText("retry after first try"));
    expect(screen.getByText("recovered")).toBeTruthy();
  });

  it("takes a static fallback and renders children when nothing throws", () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    render(
      <>
        <ErrorBoundary fallback={<p>static fallback</p>}>
          <Boom />
        </ErrorBoundary>
        <ErrorBoundary>
          <p>fine</p>
        </ErrorBoundary>
      </>,
    );
    expect(screen.getByText("static fallback")).toBeTruthy();
    expect(screen.getByText("fine")).toBeTruthy();
  });
});

describe("dev mode", () => {
  it("shows the banner and the fallback when no host is present", () => {
    render(
      <>
        <DevModeBanner />
        <DevModeFallback fallback={<p>sample data</p>}>
          <p>live widget</p>
        </DevModeFallback>
      </>,
    );
    expect(screen.getByRole("status").textContent).toMatch(/No host detected/);
    expect(screen.getByText("sample data")).toBeTruthy();
    expect(screen.queryByText("live widget")).toBeNull();
  });

  it("renders the default banner as the fallback", () => {
    render(
      <DevModeFallback>
        <p>live widget</p>
      </DevModeFallback>,
    );
    expect(screen.getByRole("status")).toBeTruthy();
  });

  it("shows nothing in an iframe host or in ChatGPT", () => {
    mcpHost();
    const { unmount } = render(
      <>
        <DevModeBanner />
        <DevModeFallback>
          <p>live widget</p>
        </DevModeFallback>
      </>,
    );
    expect(screen.queryByRole("status")).toBeNull();
    expect(screen.getByText("live widget")).toBeTruthy();
    unmount();
    resetParent();
    installOpenAi();
    render(<DevModeBanner>custom</DevModeBanner>);
    expect(screen.queryByText("custom")).toBeNull();
  });
});
