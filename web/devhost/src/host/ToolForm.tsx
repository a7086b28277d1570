import { useMemo, useState } from "react";
import { argumentsFrom, schemaFields } from "./schema-fields";
import type { ListedTool } from "./widget-template";

/** A form generated from the tool's input schema; nested values are typed as JSON. */
export function ToolForm({ tool, busy, onCall }: { tool: ListedTool; busy: boolean; onCall: (args: Record<string, unknown>) => void }) {
  const fields = useMemo(() => schemaFields(tool.inputSchema), [tool]);
  const [values, setValues] = useState<Record<string, string>>({});
  const [error, setError] = useState<string>();
  const set = (name: string, value: string) => setValues((v) => ({ ...v, [name]: value }));

  return (
    <form
      className="tool-form"
      aria-label={`Arguments of ${tool.name}`}
      onSubmit={(e) => {
        e.preventDefault();
        const parsed = argumentsFrom(fields, values);
        if ("error" in parsed) return setError(parsed.error);
        setError(undefined);
        onCall(parsed.args);
      }}
    >
      {fields.length === 0 && <p className="muted">No arguments.</p>}
      {fields.map((field) => {
        const id = `arg-${field.name}`;
        const value = values[field.name] ?? field.defaultText;
        return (
          <label key={field.name} htmlFor={id}>
            <span>
              {field.name}
              {field.required && <abbr title="required">*</abbr>} <small className="muted">{field.kind}</small>
            </span>
            {field.kind === "boolean" ? (
              <input id={id} type="checkbox" checked={value === "true"} onChange={(e) => set(field.name, String(e.target.checked))} />
            ) : field.kind === "enum" ? (
              <select id={id} value={value} onChange={(e) => set(field.name, e.target.value)}>
                {!field.required && <option value="">(none)</option>}
                {field.options!.map((o) => (
                  <option key={o}>{o}</option>
                ))}
              </select>
            ) : field.kind === "json" ? (
              <textarea id={id} rows={3} value={value} onChange={(e) => set(field.name, e.target.value)} />
            ) : (
              <input id={id} value={value} inputMode={field.kind === "string" ? "text" : "decimal"} onChange={(e) => set(field.name, e.target.value)} />
            )}
            {field.description && <small className="muted">{field.description}</small>}
          </label>
        );
      })}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <button type="submit" disabled={busy}>
        {busy ? "Calling…" : `Call ${tool.name}`}
      </button>
    </form>
  );
}
