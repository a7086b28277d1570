import { useCallback, useState } from "react";
import { defaultSettings, type HostSettings } from "./settings";

const KEY = "inlay-devhost:settings";

/**
 * The host settings, kept across reloads. In the URL, `?host=chatgpt|claude|mcp-apps` (or the older
 * `?mode=chatgpt|apps`) and `?theme=light|dark` win over what was kept.
 */
export function useSettings(): [HostSettings, (change: Partial<HostSettings>) => void] {
  const [settings, setSettings] = useState<HostSettings>(() => initialSettings(localStorage.getItem(KEY), location.search));
  const change = useCallback((next: Partial<HostSettings>) => {
    setSettings((current) => {
      const merged = { ...current, ...next };
      localStorage.setItem(KEY, JSON.stringify(merged));
      return merged;
    });
  }, []);
  return [settings, change];
}

/** The settings a page starts with: the defaults, then what was kept (`saved`, JSON), then the URL's `search`. */
export function initialSettings(saved: string | null, search: string): HostSettings {
  let kept: Partial<HostSettings> & { mode?: unknown } = {};
  try {
    kept = (JSON.parse(saved ?? "{}") ?? {}) as typeof kept;
  } catch {
    // A damaged entry: start from the defaults.
  }
  // Kept before the Host menu had profiles: mode "apps" or "chatgpt".
  const { mode: keptMode, ...rest } = kept;
  const query = new URLSearchParams(search);
  const host = query.get("host") ?? fromMode(query.get("mode")) ?? rest.host ?? fromMode(keptMode);
  const theme = query.get("theme");
  return {
    ...defaultSettings,
    ...rest,
    ...(host ? { host } : {}),
    ...(theme === "light" || theme === "dark" ? { theme } : {}),
  };
}

function fromMode(mode: unknown): string | undefined {
  return mode === "chatgpt" ? "chatgpt" : mode === "apps" ? "mcp-apps" : undefined;
}
