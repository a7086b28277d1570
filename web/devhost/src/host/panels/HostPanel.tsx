import { useEffect, useState } from "react";
import { claudeDomain } from "../hosts/domain";
import { hostStyles } from "../hosts/host-styles";
import { clientIdentity, namesClientPerRequest, requestMeta, type HostProfile } from "../hosts/profiles";
import type { HostSettings } from "../settings";

/**
 * The host the dev host plays: how it introduces itself to the app (and what a page cannot imitate), what the
 * profile says the host does, each with its source, and the design tokens the dev host sends as that host.
 */
export function HostPanel({
  profile,
  settings,
  endpointUrl,
  protocolVersion,
  domain,
}: {
  profile: HostProfile;
  settings: HostSettings;
  endpointUrl: string;
  protocolVersion: string | undefined;
  domain: unknown;
}) {
  const identity = clientIdentity(profile);
  const meta = requestMeta(profile, settings.locale, navigator.userAgent);
  const styles = hostStyles(profile.id, settings.theme);
  const [hashed, setHashed] = useState<string>();
  useEffect(() => {
    if (profile.domainRule !== "claudeEndpointHash" || !endpointUrl) return setHashed(undefined);
    let live = true;
    void claudeDomain(endpointUrl).then((d) => live && setHashed(d));
    return () => {
      live = false;
    };
  }, [profile, endpointUrl]);

  const facts: [string, string, string][] = [
    ["Display modes", profile.displayModes.join(", "), "displayModes"],
    ["Declared connect, resource and base-URI origins", handling(profile.cspDomains, settings.disputedCsp), "cspDomains"],
    ["Declared frame origins", handling(profile.frameDomains, settings.disputedCsp), "frameDomains"],
    ["ui.domain", domainRule(profile.domainRule), "domainRule"],
    ["Template MIME types", profile.mimeTypes.join(", "), "mimeTypes"],
    ["window.openai", profile.openAiMethods.length ? profile.openAiMethods.join(", ") : "none", "openAiMethods"],
    ["Streams tool input", yesNo(profile.sendsToolInputPartial), "sendsToolInputPartial"],
    ["Caches templates by URI", yesNo(profile.cachesTemplatesByUri), "cachesTemplatesByUri"],
  ];

  return (
    <div className="panel-body host-panel" data-testid="host-profile" data-host={profile.id}>
      <h3>{profile.name}</h3>
      <h3>How the dev host introduces itself</h3>
      <ul>
        <li>
          <code>clientInfo</code> <code data-testid="host-client-info">{JSON.stringify(identity.clientInfo)}</code> and the MCP Apps
          extension in <code>capabilities.extensions</code>
        </li>
        <li data-testid="host-protocol">
          MCP <code>{protocolVersion ?? "(not connected)"}</code>
          {protocolVersion &&
            (namesClientPerRequest(protocolVersion)
              ? ": every request names the client in _meta, so a stateless app knows which host calls"
              : ": only initialize names the client, so a stateless app cannot tell which host calls")}
        </li>
        {meta && (
          <li>
            tool calls carry <code data-testid="host-request-meta">{JSON.stringify(meta)}</code> in <code>_meta</code>
          </li>
        )}
        <li data-testid="host-limits">
          Not imitated: the HTTP <code>User-Agent</code>
          {profile.identification.userAgentTokens.length > 0 && (
            <>
              {" "}
              ({profile.name} sends one with <code>{profile.identification.userAgentTokens.join(", ")}</code>)
            </>
          )}
          . A page cannot set it: the browser sends its own, and no host is known to send another header a page could send in
          its place. Inlay looks at the client name before the User-Agent, so it tells {profile.name} apart here when it
          knows the name (every request from MCP 2026-07-28 on, or a stateful session); a server that looks only at the
          User-Agent sees a browser.
        </li>
      </ul>
      {hashed && (
        <p>
          {profile.name}'s <code>ui.domain</code> for <code>{endpointUrl}</code>: <code data-testid="host-claude-domain">{hashed}</code>
          {domain !== undefined && (
            <>
              ; the widget declares <code data-testid="host-declared-domain">{String(domain)}</code>
            </>
          )}
        </p>
      )}
      <h3>What the profile says</h3>
      <table className="log">
        <tbody>
          {facts.map(([label, value, key]) => (
            <tr key={key} data-fact={key}>
              <th>{label}</th>
              <td>{value}</td>
              <td className="muted">{profile.sources[key] ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>Style variables sent ({settings.theme})</h3>
      {styles?.variables ? (
        <>
          <table className="log" data-testid="host-variables">
            <tbody>
              {Object.entries(styles.variables).map(([name, value]) => (
                <tr key={name} data-name={name}>
                  <td>
                    <code>{name}</code>
                  </td>
                  <td>
                    {name.startsWith("--color-") && <span className="swatch" style={{ background: value }} />}
                    <code data-value="">{value}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {styles.css?.fonts && (
            <>
              <h3>Fonts sent</h3>
              <pre data-testid="host-fonts">{styles.css.fonts}</pre>
            </>
          )}
          <p className="muted">Plausible values the dev host picked for {profile.name}, not the host's own.</p>
        </>
      ) : (
        <p data-testid="host-variables-none">
          {profile.name} sends only the theme, no style variables. <code>@inlay/view</code> derives its palette from the theme.
        </p>
      )}
    </div>
  );
}

function handling(value: HostProfile["cspDomains"], reading: HostSettings["disputedCsp"]): string {
  if (value === "disputed") return `disputed; played ${reading === "strict" ? "as reported: not applied" : "as documented: applied"}`;
  return value === "applied" ? "applied" : "not applied";
}

function domainRule(rule: HostProfile["domainRule"]): string {
  switch (rule) {
    case "claudeEndpointHash":
      return "{first 32 hex of SHA-256 of the MCP endpoint URL}.claudemcpcontent.com, else refused";
    case "appOrigin":
      return "an https origin of the app's own";
    default:
      return "host-dependent";
  }
}

function yesNo(value: boolean | null): string {
  return value === null ? "unconfirmed" : value ? "yes" : "no";
}
