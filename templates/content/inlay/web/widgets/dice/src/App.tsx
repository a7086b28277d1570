import { useEffect, useState } from "react";
import { DevModeBanner, ErrorBoundary, useCallTool, useTheme, useToolOutput, useWidgetState } from "@inlay/view/react";
import { isHostless } from "@inlay/view";

/** The roll_dice tool's structured result: the C# record DiceRoll as the server serializes it. */
export interface DiceRoll {
  sides: number;
  values: number[];
  total: number;
}

/** What the widget shows outside a host (opened with `npm run dev`), so its layout can be worked on. */
const sampleRoll: DiceRoll = { sides: 6, values: [3, 5], total: 8 };

export function App() {
  const theme = useTheme();
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);

  return (
    <main>
      <DevModeBanner>
        <p className="banner">Dev mode: no host detected, so this shows sample dice.</p>
      </DevModeBanner>
      <ErrorBoundary fallback={(error, reset) => <ErrorCard message={error.message} onRetry={reset} />}>
        <Dice />
      </ErrorBoundary>
    </main>
  );
}

function Dice() {
  const output = useToolOutput<DiceRoll>();
  const callTool = useCallTool();
  // Widget state is kept by the host for this widget instance (ChatGPT's widgetState, else local storage), so the
  // count survives the widget being re-rendered or the conversation reopened.
  const [state, setState] = useWidgetState({ rerolls: 0 });
  const [rerolled, setRerolled] = useState<DiceRoll | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const roll = rerolled ?? output ?? (isHostless() ? sampleRoll : null);
  if (!roll) return <p className="card muted">Waiting for the dice…</p>;

  async function rollAgain(current: DiceRoll) {
    setBusy(true);
    setError(null);
    try {
      const result = await callTool<DiceRoll>("roll_dice", { count: current.values.length, sides: current.sides });
      if (result.isError || !result.structuredContent) throw new Error("The tool could not roll the dice.");
      setRerolled(result.structuredContent);
      setState((s) => ({ rerolls: s.rerolls + 1 }));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card">
      <ul className="dice" aria-label={`${roll.values.length} dice with ${roll.sides} sides`}>
        {roll.values.map((value, i) => (
          <li key={i} className="die">
            {value}
          </li>
        ))}
      </ul>
      <p className="total">
        Total <strong data-testid="total">{roll.total}</strong>
      </p>
      <button type="button" disabled={busy} onClick={() => void rollAgain(roll)}>
        {busy ? "Rolling…" : "Roll again"}
      </button>
      {state.rerolls > 0 && <p className="muted">Rolled again {state.rerolls} times.</p>}
      {error && <p role="alert">{error}</p>}
    </section>
  );
}

function ErrorCard({ message, onRetry }: { message: string; onRetry: () => void }) {
  return (
    <section role="alert" className="card error">
      <p>Could not show the dice: {message}</p>
      <button type="button" onClick={onRetry}>
        Try again
      </button>
    </section>
  );
}
