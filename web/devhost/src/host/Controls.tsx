import type { HostSettings } from "./settings";

const locales = ["en-US", "en-GB", "fr-FR", "de-DE", "es-ES", "ja-JP", "ar-EG"];

/** The host's knobs: which host, theme, locale, display mode, device and safe area. */
export function Controls({ settings, onChange }: { settings: HostSettings; onChange: (next: Partial<HostSettings>) => void }) {
  return (
    <fieldset className="controls">
      <legend>Host</legend>
      <label>
        Mode
        <select aria-label="Host mode" value={settings.mode} onChange={(e) => onChange({ mode: e.target.value as HostSettings["mode"] })}>
          <option value="apps">MCP Apps</option>
          <option value="chatgpt">ChatGPT</option>
        </select>
      </label>
      <label>
        Theme
        <select aria-label="Theme" value={settings.theme} onChange={(e) => onChange({ theme: e.target.value as HostSettings["theme"] })}>
          <option value="light">light</option>
          <option value="dark">dark</option>
        </select>
      </label>
      <label>
        Locale
        <input aria-label="Locale" list="locales" value={settings.locale} onChange={(e) => onChange({ locale: e.target.value })} />
        <datalist id="locales">
          {locales.map((l) => (
            <option key={l} value={l} />
          ))}
        </datalist>
      </label>
      <label>
        Display
        <select
          aria-label="Display mode"
          value={settings.displayMode}
          onChange={(e) => onChange({ displayMode: e.target.value as HostSettings["displayMode"] })}
        >
          <option value="inline">inline</option>
          <option value="pip">pip</option>
          <option value="fullscreen">fullscreen</option>
        </select>
      </label>
      <label>
        Device
        <select
          aria-label="Device"
          value={settings.device}
          onChange={(e) => {
            const device = e.target.value as HostSettings["device"];
            onChange({ device, touch: device === "mobile", hover: device === "desktop" });
          }}
        >
          <option value="desktop">desktop</option>
          <option value="mobile">mobile</option>
        </select>
      </label>
      <label className="inline">
        <input type="checkbox" checked={settings.touch} onChange={(e) => onChange({ touch: e.target.checked })} /> touch
      </label>
      <label className="inline">
        <input type="checkbox" checked={settings.hover} onChange={(e) => onChange({ hover: e.target.checked })} /> hover
      </label>
      <label>
        Safe area top/bottom
        <span className="pair">
          <input
            aria-label="Safe area top"
            type="number"
            min={0}
            value={settings.safeArea.top}
            onChange={(e) => onChange({ safeArea: { ...settings.safeArea, top: Number(e.target.value) || 0 } })}
          />
          <input
            aria-label="Safe area bottom"
            type="number"
            min={0}
            value={settings.safeArea.bottom}
            onChange={(e) => onChange({ safeArea: { ...settings.safeArea, bottom: Number(e.target.value) || 0 } })}
          />
        </span>
      </label>
    </fieldset>
  );
}
