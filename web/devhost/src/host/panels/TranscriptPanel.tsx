export interface TranscriptEntry {
  kind: "follow-up" | "model-context" | "open-link" | "display-mode" | "note" | "tool-call";
  text: string;
}

const labels: Record<TranscriptEntry["kind"], string> = {
  "follow-up": "Follow-up message",
  "model-context": "Model context",
  "open-link": "Open link (not followed)",
  "display-mode": "Display mode",
  note: "Note",
  "tool-call": "Tool call",
};

/** What the widget did to the conversation: follow-ups, context updates, links it asked to open. */
export function TranscriptPanel({ entries }: { entries: TranscriptEntry[] }) {
  if (entries.length === 0) return <p className="panel-body muted">Nothing yet.</p>;
  return (
    <ol className="panel-body transcript" data-testid="transcript">
      {entries.map((e, i) => (
        <li key={i} data-kind={e.kind}>
          <strong>{labels[e.kind]}</strong> {e.kind === "open-link" ? <code>{e.text}</code> : e.text}
        </li>
      ))}
    </ol>
  );
}
