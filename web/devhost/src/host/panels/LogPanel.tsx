import type { LogEntry } from "../message-log";

const arrows = { out: "→", in: "←" } as const;

/** Every bridge, MCP and window.openai message, with when it happened and how long a request took. */
export function LogPanel({ entries, onClear }: { entries: LogEntry[]; onClear: () => void }) {
  return (
    <div className="panel-body">
      <button type="button" onClick={onClear}>
        Clear
      </button>
      <table className="log" data-testid="message-log">
        <thead>
          <tr>
            <th>ms</th>
            <th>channel</th>
            <th />
            <th>message</th>
            <th>took</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.seq}>
              <td>{e.at.toFixed(0)}</td>
              <td>{e.channel}</td>
              <td>{arrows[e.direction]}</td>
              <td>
                <details>
                  <summary>{e.label}</summary>
                  <pre>{JSON.stringify(e.message, null, 2)}</pre>
                </details>
              </td>
              <td>{e.elapsed === undefined ? "" : `${e.elapsed} ms`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
