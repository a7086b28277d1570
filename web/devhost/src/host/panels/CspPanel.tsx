import type { CspViolation } from "../../shared/messages";
import type { WithheldOrigins } from "../hosts/host-csp";

/**
 * Everything the widget's Content-Security-Policy blocked, the policy the sandbox applied, and the declared origins
 * the host played did not apply (Claude's frame origins; its other origins when read strictly).
 */
export function CspPanel({
  violations,
  policy,
  withheld = {},
  hostName = "This host",
}: {
  violations: CspViolation[];
  policy: string;
  withheld?: WithheldOrigins;
  hostName?: string;
}) {
  const lists = Object.entries(withheld).filter(([, origins]) => origins && origins.length > 0);
  const notApplied = lists.flatMap(([, origins]) => origins ?? []);
  const declaredButWithheld = (uri: string) => notApplied.some((origin) => uri === origin || uri.startsWith(origin.replace(/\/$/, "") + "/"));
  return (
    <div className="panel-body">
      <h3>Policy</h3>
      <pre className="wrap">{policy}</pre>
      {lists.length > 0 && (
        <>
          <h3>Declared, not applied by {hostName}</h3>
          <ul data-testid="csp-withheld">
            {lists.map(([list, origins]) => (
              <li key={list}>
                <code>{list}</code>: {origins!.map((o) => <code key={o}>{o} </code>)}
              </li>
            ))}
          </ul>
          <p className="muted">
            A widget that must work there inlines its scripts and styles (Inlay: AssetInline = true) and reaches its
            server through tool calls rather than fetch.
          </p>
        </>
      )}
      <h3>Violations</h3>
      {violations.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <ul data-testid="csp-violations">
          {violations.map((v, i) => (
            <li key={i}>
              <code>{v.directive}</code> blocked <code>{v.blockedUri || "(inline)"}</code>
              {v.sourceFile ? ` at ${v.sourceFile}:${v.line ?? 0}` : ""} —{" "}
              {declaredButWithheld(v.blockedUri) ? `declared, but ${hostName} does not apply it.` : "declare its origin in the widget's CSP."}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
