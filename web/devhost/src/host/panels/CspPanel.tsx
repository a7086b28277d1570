import type { CspViolation } from "../../shared/messages";

/** Everything the widget's Content-Security-Policy blocked, and the policy the sandbox applied. */
export function CspPanel({ violations, policy }: { violations: CspViolation[]; policy: string }) {
  return (
    <div className="panel-body">
      <h3>Policy</h3>
      <pre className="wrap">{policy}</pre>
      <h3>Violations</h3>
      {violations.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <ul data-testid="csp-violations">
          {violations.map((v, i) => (
            <li key={i}>
              <code>{v.directive}</code> blocked <code>{v.blockedUri || "(inline)"}</code>
              {v.sourceFile ? ` at ${v.sourceFile}:${v.line ?? 0}` : ""} — declare its origin in the widget's CSP.
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
