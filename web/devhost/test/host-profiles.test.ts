import { describe, expect, it } from "vitest";
import fixture from "./fixtures/hosts.json";
import {
  answerDisplayMode,
  clientIdentity,
  dialectOf,
  hasOpenAi,
  namesClientPerRequest,
  parseHosts,
  rendersMimeType,
  requestMeta,
  selectProfile,
} from "../src/host/hosts/profiles";

// test/fixtures/hosts.json is what /_inlay/hosts.json served (HostProfiles.ToJson()) when these tests were written.
const doc = parseHosts(fixture);
const chatgpt = selectProfile(doc, "chatgpt");
const claude = selectProfile(doc, "claude");
const apps = selectProfile(doc, "mcp-apps");

describe("profile selection", () => {
  it("finds a profile by id, maps the older mode 'apps' to the generic host, and falls back to it", () => {
    expect(chatgpt.name).toBe("ChatGPT");
    expect(claude.name).toBe("Claude");
    expect(apps.id).toBe("mcp-apps");
    expect(selectProfile(doc, "apps").id).toBe("mcp-apps");
    expect(selectProfile(doc, "no-such-host").id).toBe("mcp-apps");
    expect(selectProfile(doc, undefined).id).toBe("mcp-apps");
  });
  it("refuses a document the dev host cannot play", () => {
    expect(() => parseHosts({ hosts: [] })).toThrow(/no hosts/);
    expect(() => parseHosts({ hosts: [{ id: "x", name: "X" }] })).toThrow(/host x lacks/);
  });
});

describe("what each profile changes", () => {
  it("gives window.openai and the openai/* tool keys to ChatGPT only", () => {
    expect([hasOpenAi(chatgpt), hasOpenAi(claude), hasOpenAi(apps)]).toEqual([true, false, false]);
    expect([dialectOf(chatgpt), dialectOf(claude), dialectOf(apps)]).toEqual(["chatgpt", "apps", "apps"]);
  });
  it("renders Skybridge templates in ChatGPT only", () => {
    expect(rendersMimeType(chatgpt, "text/html+skybridge")).toBe(true);
    expect(rendersMimeType(claude, "text/html+skybridge")).toBe(false);
    expect(rendersMimeType(claude, "text/html; profile=mcp-app")).toBe(true);
    expect(rendersMimeType(apps, undefined)).toBe(true);
  });
  it("introduces itself with the host's client name and the MCP Apps extension", () => {
    expect(clientIdentity(claude).clientInfo.name).toBe("claude-ai");
    expect(clientIdentity(chatgpt).clientInfo.name).toBe("openai-mcp");
    expect(clientIdentity(apps).clientInfo.name).toBe("inlay-devhost");
    for (const p of [chatgpt, claude, apps])
      expect(clientIdentity(p).capabilities).toEqual({ extensions: { "io.modelcontextprotocol/ui": { mimeTypes: ["text/html;profile=mcp-app"] } } });
  });
  it("knows which MCP revisions name the client on every request", () => {
    expect(namesClientPerRequest("2026-07-28")).toBe(true);
    expect(namesClientPerRequest("2025-11-25")).toBe(false);
    expect(namesClientPerRequest(undefined)).toBe(false);
  });
  it("adds ChatGPT's openai/* request _meta to tool calls, nothing for the others", () => {
    expect(requestMeta(chatgpt, "fr-FR", "UA")).toEqual({ "openai/locale": "fr-FR", "openai/userAgent": "UA" });
    expect(requestMeta(claude, "fr-FR", "UA")).toBeUndefined();
    expect(requestMeta(apps, "fr-FR", "UA")).toBeUndefined();
  });
});

describe("answerDisplayMode", () => {
  it("refuses pip in Claude, answering the current mode as Claude does", () => {
    expect(answerDisplayMode("pip", "inline", claude)).toEqual({ mode: "inline", refused: "Claude does not grant pip" });
    expect(answerDisplayMode("pip", "fullscreen", claude).mode).toBe("fullscreen");
    expect(answerDisplayMode("fullscreen", "inline", claude)).toEqual({ mode: "fullscreen" });
  });
  it("grants pip in ChatGPT and the generic host", () => {
    expect(answerDisplayMode("pip", "inline", chatgpt)).toEqual({ mode: "pip" });
    expect(answerDisplayMode("pip", "inline", apps)).toEqual({ mode: "pip" });
  });
  it("refuses a mode the widget did not declare, when it sent its list", () => {
    const answer = answerDisplayMode("pip", "inline", apps, ["inline", "fullscreen"]);
    expect(answer.mode).toBe("inline");
    expect(answer.refused).toMatch(/did not declare pip/);
  });
});
