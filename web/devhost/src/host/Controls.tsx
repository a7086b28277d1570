import type { McpUiDisplayMode } from "@modelcontextprotocol/ext-apps/app-bridge";
import { cspIsDisputed, type DisputedCspReading } from "./hosts/host-csp";
import type { HostProfile } from "./hosts/profiles";
import type { HostSettings } from "./settings";

const locales = ["en-US", "en-GB", "fr-FR", "de-DE", "es-ES", "ja-JP", "ar-EG"];
const modes: McpUiDisplayMode[] = ["inline", "pip", "fullscreen"];

/**
 * The host's knobs: which host (a profile from /_inlay/hosts.json), theme, locale, display mode (only those the host
 * grants), device, safe area, streamed input, and for a host whose CSP handling is disputed, which reading to play.
 */
export function Controls({
  settings,
  profiles,
  profile,
  onChange,
}: {
  settings: HostSettings;
  profiles: HostProfile[];
  profile: HostProfile | undefined;
  onChange: (next: Partial<HostSettings>) => void;
}) {
  const granted = profile?.displayModes ?? modes;
  return (
    <fieldset className="controls">
      <legend>Host</legend>
      <label>
        Host
        <select
          aria-label="Host"
          value={profile?.id ?? settings.host}
          onChange={(e) => {
            const next = profiles.find((p) => p.id === e.target.value);
            const keeps = next?.displayModes.includes(settings.displayMode) ?? true;
            onChange({ host: e.target.value, ...(keeps ? {} : { displayMode: "inline" }) });
          }}
        >
          {profiles.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      {profile && cspIsDisputed(profile) && (
        <label title="Sources disagree on whether this host applies the origins a widget declares in its CSP (see the Host tab).">
          Declared CSP origins
          <select
            aria-label="Declared CSP origins"
            value={settings.disputedCsp}
            onChange={(e) => onChange({ disputedCsp: e.target.value as DisputedCspReading })}
          >
            <option value="strict">not applied (as reported)</option>
            <option value="documented">applied (as documented)</option>
          </select>
        </label>
      )}
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
          {modes
            .filter((m) => granted.includes(m))
            .map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
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
      <label className="inline" title={streamTitle(profile)}>
        <input
          type="checkbox"
          aria-label="Stream input"
          checked={settings.streamInput}
          onChange={(e) => onChange({ streamInput: e.target.checked })}
        />{" "}
        stream input
      </label>
      {settings.streamInput && (
        <label>
          ms apart
          <input
            aria-label="Stream interval"
            type="number"
            min={0}
            max={2000}
            value={settings.streamIntervalMs}
            onChange={(e) => onChange({ streamIntervalMs: Math.max(0, Math.min(2000, Number(e.target.value) || 0)) })}
          />
        </label>
      )}
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

function streamTitle(profile: HostProfile | undefined): string {
  const base = "Send the tool's arguments to the widget as ui/notifications/tool-input-partial, growing as a model writes them, before ui/notifications/tool-input; the tool runs after.";
  if (!profile || profile.sendsToolInputPartial === true) return base;
  return `${base} Whether ${profile.name} streams input is ${profile.sendsToolInputPartial === false ? "known: it does not" : "unconfirmed"}.`;
}
