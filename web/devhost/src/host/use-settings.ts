import { useCallback, useState } from "react";
import { defaultSettings, type HostSettings } from "./settings";

const KEY = "inlay-devhost:settings";

/** The host settings, kept across reloads; `?mode=chatgpt|apps` and `?theme=` in the URL win. */
export function useSettings(): [HostSettings, (change: Partial<HostSettings>) => void] {
  const [settings, setSettings] = useState<HostSettings>(() => {
    let saved: Partial<HostSettings> = {};
    try {
      saved = JSON.parse(localStorage.getItem(KEY) ?? "{}") as Partial<HostSettings>;
    } catch {
      // A damaged entry: start from the defaults.
    }
    const query = new URLSearchParams(location.search);
    const mode = query.get("mode");
    const theme = query.get("theme");
    return {
      ...defaultSettings,
      ...saved,
      ...(mode === "apps" || mode === "chatgpt" ? { mode } : {}),
      ...(theme === "light" || theme === "dark" ? { theme } : {}),
    };
  });
  const change = useCallback((next: Partial<HostSettings>) => {
    setSettings((current) => {
      const merged = { ...current, ...next };
      localStorage.setItem(KEY, JSON.stringify(merged));
      return merged;
    });
  }, []);
  return [settings, change];
}
