import { useEffect } from "react";
import { DevModeBanner, ErrorBoundary, useDisplayMode, useMaxHeight, useTheme } from "@inlay/view/react";
import { BoardScreen } from "./BoardScreen";
import { Alert } from "./ui";

export function App() {
  const theme = useTheme();
  const maxHeight = useMaxHeight();
  const displayMode = useDisplayMode();
  useEffect(() => {
    document.documentElement.classList.toggle("dark", theme === "dark");
  }, [theme]);

  return (
    <main
      className="overflow-y-auto p-3 font-sans text-fg"
      // Inline, the host gives the widget at most maxHeight pixels: the board scrolls inside them.
      style={displayMode !== "fullscreen" && maxHeight ? { maxHeight } : undefined}
      data-testid="board-root"
    >
      <DevModeBanner>
        <p className="mb-3 rounded-lg bg-amber-100 px-3 py-2 text-sm text-amber-900 dark:bg-amber-900/40 dark:text-amber-100">
          Dev mode: no host detected, so this shows sample data and changes cannot reach the server. Open the widget
          through ChatGPT, an MCP Apps host or the Inlay dev host.
        </p>
      </DevModeBanner>
      <ErrorBoundary fallback={(error, reset) => <Alert message={error.message} action="Try again" onAction={reset} />}>
        <BoardScreen />
      </ErrorBoundary>
    </main>
  );
}
