/** An error the user can read and act on: the server's message as it is, with one button. */
export function Alert({ message, action, onAction }: { message: string; action: string; onAction: () => void }) {
  return (
    <div
      role="alert"
      className="mb-3 flex items-start justify-between gap-3 rounded-item bg-danger-soft px-3 py-2 text-sm text-danger-strong"
    >
      <p data-testid="error">{message}</p>
      <button type="button" className={`${buttonClass} shrink-0`} onClick={onAction}>
        {action}
      </button>
    </div>
  );
}

/** The look of every button: a visible focus ring for keyboard users in both themes. */
export const buttonClass =
  "rounded-control border border-line px-2 py-1 text-sm hover:bg-hover disabled:opacity-50 " +
  "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-focus";
