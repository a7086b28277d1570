import type { McpUiDisplayMode, McpUiHostContext, McpUiTheme } from "@modelcontextprotocol/ext-apps/app-bridge";
import type { DisputedCspReading } from "./hosts/host-csp";
import { hostStyles } from "./hosts/host-styles";
import { HOST_IDS, type HostId, type HostProfile } from "./hosts/profiles";

export type Device = "desktop" | "mobile";

/** What a person sets in the dev host's controls. */
export interface HostSettings {
  /** The host profile the dev host plays (`chatgpt`, `claude`, `mcp-apps`; see hosts/profiles.ts). */
  host: HostId;
  theme: McpUiTheme;
  locale: string;
  displayMode: McpUiDisplayMode;
  device: Device;
  touch: boolean;
  hover: boolean;
  safeArea: { top: number; right: number; bottom: number; left: number };
  /** Send the tool's arguments as `tool-input-partial` notifications before `tool-input`, as the model writes them. */
  streamInput: boolean;
  /** Milliseconds between two partial inputs. */
  streamIntervalMs: number;
  /** Where a host's handling of declared CSP origins is disputed (Claude): which reading to play. */
  disputedCsp: DisputedCspReading;
}

export const defaultSettings: HostSettings = {
  host: HOST_IDS.mcpApps,
  theme: "light",
  locale: "en-US",
  displayMode: "inline",
  device: "desktop",
  touch: false,
  hover: true,
  safeArea: { top: 0, right: 0, bottom: 0, left: 0 },
  streamInput: false,
  streamIntervalMs: 40,
  disputedCsp: "strict",
};

/** A frame's size in one display mode: the width it gets and the most height it may take. */
export interface FrameLayout {
  width: number;
  maxHeight: number;
}

/**
 * Each display mode's frame on each device, close to what ChatGPT gives: inline in the chat column, picture in
 * picture as a smaller floating frame (the whole column on mobile, as ChatGPT turns PiP into fullscreen there),
 * fullscreen as the whole stage.
 */
export function frameLayout(settings: Pick<HostSettings, "displayMode" | "device">, stage: { width: number; height: number }): FrameLayout {
  const column = settings.device === "mobile" ? 390 : 760;
  const width = Math.min(column, stage.width);
  switch (settings.displayMode) {
    case "fullscreen":
      return { width: settings.device === "mobile" ? width : stage.width, maxHeight: stage.height };
    case "pip":
      return settings.device === "mobile" ? { width, maxHeight: stage.height } : { width: Math.min(480, width), maxHeight: 400 };
    default:
      return { width, maxHeight: 500 };
  }
}

/**
 * The MCP Apps host context for these settings as this host gives it (`ui/initialize` and
 * `ui/notifications/host-context-changed`): the display modes it grants, and its design tokens for the theme where it
 * sends any (hosts/host-styles.ts; ChatGPT sends only the theme).
 */
export function hostContext(
  settings: HostSettings,
  layout: FrameLayout,
  toolInfo: McpUiHostContext["toolInfo"],
  profile: Pick<HostProfile, "id" | "name" | "displayModes">,
): McpUiHostContext {
  const styles = hostStyles(profile.id, settings.theme);
  return {
    toolInfo,
    theme: settings.theme,
    ...(styles ? { styles } : {}),
    locale: settings.locale,
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    userAgent: `Inlay dev host (${profile.name})`,
    platform: settings.device === "mobile" ? "mobile" : "web",
    displayMode: settings.displayMode,
    availableDisplayModes: [...profile.displayModes],
    containerDimensions: { width: layout.width, maxHeight: layout.maxHeight },
    deviceCapabilities: { touch: settings.touch, hover: settings.hover },
    safeAreaInsets: { ...settings.safeArea },
  };
}

/** The `window.openai` globals ChatGPT derives from the same settings. */
export function openAiGlobals(settings: HostSettings, layout: FrameLayout) {
  return {
    theme: settings.theme,
    locale: settings.locale,
    displayMode: settings.displayMode,
    maxHeight: layout.maxHeight,
    userAgent: {
      device: { type: settings.device },
      capabilities: { touch: settings.touch, hover: settings.hover },
    },
    safeArea: { insets: { ...settings.safeArea } },
    view: { mode: "inline" },
  };
}
