import { Component, type ErrorInfo, type ReactNode } from "react";
import { createInlayApp, isHostless } from "../app";

export interface ErrorBoundaryProps {
  children?: ReactNode;
  /** What to render instead of the failed tree. Default: an alert with the error message and a retry button. */
  fallback?: ReactNode | ((error: Error, reset: () => void) => ReactNode);
}

/** Catches render errors, shows a fallback with the message, and reports the error to the host's log. */
export class ErrorBoundary extends Component<ErrorBoundaryProps, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error): { error: Error } {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    createInlayApp().log("error", { message: error.message, stack: error.stack, componentStack: info.componentStack });
  }

  reset = (): void => this.setState({ error: null });

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    const { fallback } = this.props;
    if (typeof fallback === "function") return fallback(error, this.reset);
    if (fallback !== undefined) return fallback;
    return (
      <div role="alert" data-inlay-error="">
        <p>Something went wrong: {error.message}</p>
        <button type="button" onClick={this.reset}>
          Try again
        </button>
      </div>
    );
  }
}

/** A notice shown only when no host is present (a top-level page without `window.openai`); null otherwise. */
export function DevModeBanner({ children }: { children?: ReactNode }): ReactNode {
  if (!isHostless()) return null;
  return (
    <div role="status" data-inlay-dev-mode="">
      {children ??
        "No host detected: this widget runs outside ChatGPT and MCP Apps hosts, so tool data and host calls are unavailable. Open it through a host or the Inlay dev host."}
    </div>
  );
}

/** Renders `children` inside a host; with no host, renders `fallback` (default: the dev-mode banner). */
export function DevModeFallback({ children, fallback }: { children?: ReactNode; fallback?: ReactNode }): ReactNode {
  return isHostless() ? (fallback ?? <DevModeBanner />) : children;
}
