/** An error the user can read and act on: the server's message as it is, with one button. */
export function Alert({ message, action, onAction }: { message: string; action: string; onAction: () => void }) {
  return (
    <div
      role="alert"
      className="mb-3 flex items-start justify-between gap-3 rounded-lg bg-red-50 px-3 py-2 text-sm text-red-900 dark:bg-red-950 dark:text-red-100"
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
  "rounded-md border border-slate-300 px-2 py-1 text-sm hover:bg-slate-200 disabled:opacity-50 dark:border-slate-600 dark:hover:bg-slate-700 " +
  "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 dark:focus-visible:outline-blue-400";
