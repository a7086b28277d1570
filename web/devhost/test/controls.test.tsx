import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import fixture from "./fixtures/hosts.json";
import { Controls } from "../src/host/Controls";
import { parseHosts, selectProfile } from "../src/host/hosts/profiles";
import { defaultSettings, type HostSettings } from "../src/host/settings";

const doc = parseHosts(fixture);

function show(settings: Partial<HostSettings>) {
  const all = { ...defaultSettings, ...settings };
  const onChange = vi.fn();
  render(<Controls settings={all} profiles={doc.hosts} profile={selectProfile(doc, all.host)} onChange={onChange} />);
  return onChange;
}

const options = (label: string) => Array.from((screen.getByLabelText(label) as HTMLSelectElement).options).map((o) => o.textContent);

describe("Controls", () => {
  afterEach(cleanup);

  it("offers every profile in the Host menu, and the display modes the host grants", () => {
    show({ host: "claude" });
    expect(options("Host")).toEqual(["ChatGPT", "Claude", "MCP Apps host"]);
    expect((screen.getByLabelText("Host") as HTMLSelectElement).value).toBe("claude");
    expect(options("Display mode")).toEqual(["inline", "fullscreen"]);
    cleanup();
    show({ host: "chatgpt" });
    expect(options("Display mode")).toEqual(["inline", "pip", "fullscreen"]);
  });

  it("falls back to inline when the new host does not grant the current mode", () => {
    const onChange = show({ host: "mcp-apps", displayMode: "pip" });
    fireEvent.change(screen.getByLabelText("Host"), { target: { value: "claude" } });
    expect(onChange).toHaveBeenCalledWith({ host: "claude", displayMode: "inline" });
    onChange.mockClear();
    fireEvent.change(screen.getByLabelText("Host"), { target: { value: "chatgpt" } });
    expect(onChange).toHaveBeenCalledWith({ host: "chatgpt" });
  });

  it("asks how to read Claude's disputed CSP handling only in Claude", () => {
    const onChange = show({ host: "claude" });
    expect((screen.getByLabelText("Declared CSP origins") as HTMLSelectElement).value).toBe("strict");
    fireEvent.change(screen.getByLabelText("Declared CSP origins"), { target: { value: "documented" } });
    expect(onChange).toHaveBeenCalledWith({ disputedCsp: "documented" });
    cleanup();
    show({ host: "mcp-apps" });
    expect(screen.queryByLabelText("Declared CSP origins")).toBeNull();
  });

  it("turns stream input on, and then offers its interval", () => {
    const onChange = show({});
    expect(screen.queryByLabelText("Stream interval")).toBeNull();
    fireEvent.click(screen.getByLabelText("Stream input"));
    expect(onChange).toHaveBeenCalledWith({ streamInput: true });
    cleanup();
    const again = show({ streamInput: true, streamIntervalMs: 40 });
    fireEvent.change(screen.getByLabelText("Stream interval"), { target: { value: "5000" } });
    expect(again).toHaveBeenCalledWith({ streamIntervalMs: 2000 });
  });
});
