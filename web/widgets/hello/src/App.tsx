import { useEffect, useState } from "react";
import {
  DevModeBanner,
  ErrorBoundary,
  useCallTool,
  useWidgetState,
  useDisplayMode,
  useInlay,
  useLocale,
  useRequestDisplayMode,
  useTheme,
  useToolInputPartial,
  useToolOutput,
} from "@inlay/view/react";
import { isHostless } from "@inlay/view";
import type { Greeting, GreetUserInput } from "./greeting";

/** What the widget shows outside a host (opened as a plain page), so its layout can be worked on. */
export const sampleGreeting: Greeting = {
  message: "Hello, Ada!",
  name: "Ada",
  greetedAt: "2026-01-26T09:30:00Z",
  locale: null,
};

export function App() {
  const theme = useTheme();
  useEffect(() => {
    document.documentElement.classList.toggle("dark", theme === "dark");
  }, [theme]);

  return (
    <main className="p-4 font-sans text-fg">
      <DevModeBanner>
        <p className="mb-3 rounded-lg bg-amber-100 px-3 py-2 text-sm text-amber-900 dark:bg-amber-900/40 dark:text-amber-100">
          Dev mode: no host detected, so this shows sample data. Open the widget through ChatGPT, an MCP Apps host or the Inlay
          dev host to see real tool results.
        </p>
      </DevModeBanner>
      <ErrorBoundary fallback={(error, reset) => <ErrorCard message={error.message} onRetry={reset} />}>
        <GreetingView />
      </ErrorBoundary>
    </main>
  );
}

/** The greeting, or why there is none: waiting for the tool, the tool's error, or a cancelled call. */
export function GreetingView() {
  const output = useToolOutput<Greeting>();
  const result = useInlay((s) => s.toolResult);
  const cancelled = useInlay((s) => s.toolCancelled);

  if (result?.isError) {
    const text = result.content?.find((c) => c.type === "text")?.text;
    return <ErrorCard message={typeof text === "string" ? text : "The tool failed."} />;
  }
  if (cancelled) return <ErrorCard message={`The greeting was cancelled${cancelled.reason ? `: ${cancelled.reason}` : "."}`} />;
  const greeting = output ?? (isHostless() ? sampleGreeting : null);
  if (!greeting) return <PendingGreeting />;
  return <GreetingCard initial={greeting} />;
}

/**
 * Before the result: the name as the model writes it (MCP Apps hosts may stream the tool's arguments with
 * tool-input-partial), with a caret while it streams, then the complete name while the server greets.
 */
export function PendingGreeting() {
  const { input, partial } = useToolInputPartial<GreetUserInput>();
  const name = typeof input?.name === "string" ? input.name.trim() : "";
  if (!name) {
    return (
      <Card>
        <p className="text-subtle">Waiting for a greeting…</p>
      </Card>
    );
  }
  return (
    <Card>
      <p className="text-2xl font-semibold" aria-busy="true" data-testid="pending">
        Greeting <span data-testid="pending-name">{name}</span>
        {partial ? (
          <span
            data-testid="caret"
            aria-hidden="true"
            className="ml-0.5 inline-block h-[1em] w-0.5 animate-pulse bg-current align-[-0.125em]"
          />
        ) : (
          "…"
        )}
      </p>
      <p className="mt-2 text-sm text-muted" data-testid="pending-status">
        {partial ? "The name is still being written." : "Waiting for the server's greeting."}
      </p>
    </Card>
  );
}

/** What the widget keeps per instance: how many times the user waved back. The host keeps it across reloads. */
interface HelloState {
  waves: number;
}

function GreetingCard({ initial }: { initial: Greeting }) {
  const [greeting, setGreeting] = useState(initial);
  const [again, setAgain] = useState<{ busy: boolean; error?: string }>({ busy: false });
  const [state, setState] = useWidgetState<HelloState>({ waves: 0 });
  const callTool = useCallTool();
  useEffect(() => setGreeting(initial), [initial]);

  // Asks the server for a fresh greeting from inside the widget (a widget-initiated tools/call).
  const greetAgain = async () => {
    setAgain({ busy: true });
    try {
      const result = await callTool<Greeting>("greet_user", { name: greeting.name });
      if (result.isError || !result.structuredContent) throw new Error("The server could not greet again.");
      setGreeting(result.structuredContent);
      setAgain({ busy: false });
    } catch (e) {
      setAgain({ busy: false, error: (e as Error).message });
    }
  };

  const hostLocale = useLocale();
  const displayMode = useDisplayMode();
  const requestDisplayMode = useRequestDisplayMode();
  const when = new Date(greeting.greetedAt);
  if (Number.isNaN(when.getTime())) throw new Error(`The greeting's time "${greeting.greetedAt}" is not a date.`);
  const locale = greeting.locale ?? hostLocale;

  return (
    <Card>
      <div className="flex items-start justify-between gap-3">
        <h1 className="text-2xl font-semibold" data-testid="message">
          {greeting.message}
        </h1>
        {displayMode !== "fullscreen" && (
          <button
            type="button"
            className="shrink-0 rounded-control border border-line px-2 py-1 text-sm hover:bg-hover"
            onClick={() => void requestDisplayMode("fullscreen").catch(() => undefined)}
          >
            Fullscreen
          </button>
        )}
      </div>
      <time className="mt-2 block text-sm text-muted" dateTime={greeting.greetedAt} data-testid="when">
        {formatWhen(when, locale)}
      </time>
      <div className="mt-3 flex flex-wrap items-center gap-2 text-sm">
        <button
          type="button"
          className="rounded-control bg-inverse px-2 py-1 text-on-inverse disabled:opacity-60"
          disabled={again.busy}
          onClick={() => void greetAgain()}
        >
          {again.busy ? "Greeting…" : "Greet again"}
        </button>
        <button
          type="button"
          className="rounded-control border border-line px-2 py-1 hover:bg-hover"
          onClick={() => setState({ waves: state.waves + 1 })}
        >
          Wave back
        </button>
        <span data-testid="waves" className="text-muted">
          {state.waves === 0 ? "No waves yet" : `Waved ${state.waves} time${state.waves === 1 ? "" : "s"}`}
        </span>
      </div>
      {again.error && (
        <p role="alert" className="mt-2 text-sm text-danger">
          {again.error}
        </p>
      )}
    </Card>
  );
}

/** Formats with the given locale, falling back to the browser's when the tag is not one Intl knows. */
export function formatWhen(when: Date, locale: string): string {
  const options: Intl.DateTimeFormatOptions = { dateStyle: "long", timeStyle: "short" };
  try {
    return when.toLocaleString(locale || undefined, options);
  } catch {
    return when.toLocaleString(undefined, options);
  }
}

function Card({ children }: { children: React.ReactNode }) {
  return <section className="rounded-card bg-card p-4">{children}</section>;
}

function ErrorCard({ message, onRetry }: { message: string; onRetry?: () => void }) {
  return (
    <section role="alert" className="rounded-card bg-danger-soft p-4 text-danger-strong">
      <p className="font-medium">Could not show the greeting</p>
      <p className="mt-1 text-sm">{message}</p>
      {onRetry && (
        <button type="button" className="mt-2 rounded-control bg-red-700 px-2 py-1 text-sm text-white" onClick={onRetry}>
          Try again
        </button>
      )}
    </section>
  );
}
