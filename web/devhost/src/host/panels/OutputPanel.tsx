import { useEffect, useState } from "react";

/** The tool result's structuredContent as editable JSON; Apply sends it to the widget as a new result. */
export function OutputPanel({ output, onApply }: { output: unknown; onApply: (structuredContent: unknown) => void }) {
  const [text, setText] = useState(() => JSON.stringify(output ?? null, null, 2));
  const [error, setError] = useState<string>();
  useEffect(() => setText(JSON.stringify(output ?? null, null, 2)), [output]);
  return (
    <div className="panel-body">
      <textarea aria-label="Tool output" spellCheck={false} rows={12} value={text} onChange={(e) => setText(e.target.value)} />
      {error && <p role="alert" className="error">{error}</p>}
      <button
        type="button"
        onClick={() => {
          try {
            onApply(JSON.parse(text));
            setError(undefined);
          } catch (e) {
            setError(`Not valid JSON: ${(e as Error).message}`);
          }
        }}
      >
        Apply output
      </button>
    </div>
  );
}
